-- Page objectives and the idea box's and date poll's contributions on h2.
-- Keep in step with ../postgresql and ../mariadb: same tables, columns and keys.
-- An objective (what an editor opened widgets for) lives with the settings of a page or a URL pattern:
-- objective_purpose (IDEAS, FEEDBACK, OPINION, EVENT, OTHER; NULL: no objective), an optional description
-- (required for OTHER), an optional target number of contributors and end date, and the day it was set.

ALTER TABLE coq_page_settings ADD COLUMN objective_purpose VARCHAR(20);
ALTER TABLE coq_page_settings ADD COLUMN objective_text VARCHAR(200);
ALTER TABLE coq_page_settings ADD COLUMN objective_target INTEGER;
ALTER TABLE coq_page_settings ADD COLUMN objective_end DATE;
ALTER TABLE coq_page_settings ADD COLUMN objective_since DATE;

ALTER TABLE coq_pattern_rule ADD COLUMN objective_purpose VARCHAR(20);
ALTER TABLE coq_pattern_rule ADD COLUMN objective_text VARCHAR(200);
ALTER TABLE coq_pattern_rule ADD COLUMN objective_target INTEGER;
ALTER TABLE coq_pattern_rule ADD COLUMN objective_end DATE;
ALTER TABLE coq_pattern_rule ADD COLUMN objective_since DATE;

-- coq_contribution.kind gains I (an idea), U (an idea vote) and D (a date-poll answer); the sealed figures keep
-- their counts. Rows sealed before this version had none of them: 0.
ALTER TABLE coq_activity_sealed ADD COLUMN ideas BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE coq_activity_sealed ADD COLUMN idea_votes BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE coq_activity_sealed ADD COLUMN date_answers BIGINT DEFAULT 0 NOT NULL;
