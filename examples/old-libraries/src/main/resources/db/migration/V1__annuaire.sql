CREATE TABLE personne (
  id INT PRIMARY KEY,
  nom VARCHAR(100) NOT NULL,
  departement VARCHAR(50) NOT NULL
);
INSERT INTO personne (id, nom, departement) VALUES
  (1, 'Alice Martin', 'Informatique'),
  (2, 'Bruno Petit', 'Informatique'),
  (3, 'Édith Lefèvre', 'Ressources humaines');
