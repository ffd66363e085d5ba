ALTER TABLE personne ADD COLUMN telephone VARCHAR(20);
UPDATE personne SET telephone = '01 23 45 67 ' || LPAD(CAST(id AS VARCHAR), 2, '0');
