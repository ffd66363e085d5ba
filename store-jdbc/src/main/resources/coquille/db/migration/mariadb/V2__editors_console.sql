-- The editors' console on mariadb: the catalogue of pages served, URL patterns set in the console, the audit trail.
-- Keep in step with ../h2 and ../postgresql: same tables, columns and keys.

CREATE TABLE coq_page_catalogue (
    page        VARCHAR(500)  NOT NULL,
    title       VARCHAR(300),
    first_seen  BIGINT        NOT NULL,
    CONSTRAINT coq_page_catalogue_pk PRIMARY KEY (page)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;

CREATE TABLE coq_pattern_rule (
    pattern          VARCHAR(500)  NOT NULL,
    widgets          VARCHAR(200)  NOT NULL,
    anchor           VARCHAR(20)   NOT NULL,
    selector         VARCHAR(1000),
    vote_kind        VARCHAR(20)   NOT NULL,
    moderation       VARCHAR(20)   NOT NULL,
    comments_locked  BOOLEAN       NOT NULL,
    CONSTRAINT coq_pattern_rule_pk PRIMARY KEY (pattern)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;

CREATE TABLE coq_audit (
    id            BIGINT NOT NULL AUTO_INCREMENT,
    at_time       BIGINT         NOT NULL,
    editor        VARCHAR(200)   NOT NULL,
    action        VARCHAR(50)    NOT NULL,
    subject       VARCHAR(2000)  NOT NULL,
    before_state  VARCHAR(2000),
    after_state   VARCHAR(2000),
    CONSTRAINT coq_audit_pk PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
CREATE INDEX coq_audit_time_ix ON coq_audit (at_time, id);
