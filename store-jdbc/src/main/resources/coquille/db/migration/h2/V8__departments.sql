-- The report by department on H2. Keep in step with the other databases: same table, columns and keys.
-- coq_department: the department the directory gave for a pseudonymous key (the same keys as coq_reader_day and
-- coq_contribution), one per key, the last one recorded; seen_on is the last day it was recorded, so that the purge of
-- old keys deletes it with them. No user id: an erasure swaps the key, as in the other tables.
CREATE TABLE coq_department (
    person_key  VARCHAR(100)  NOT NULL,
    department  VARCHAR(200)  NOT NULL,
    seen_on     DATE          NOT NULL,
    CONSTRAINT coq_department_pk PRIMARY KEY (person_key)
);
CREATE INDEX coq_department_seen_ix ON coq_department (seen_on);
