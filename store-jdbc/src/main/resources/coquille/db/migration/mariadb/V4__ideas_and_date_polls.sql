-- The idea box and date poll tables on MariaDB (issue #8). Instants are epoch milliseconds (UTC).
-- Keep in step with ../h2 and ../postgresql: same tables, columns and keys.
-- One vote per user and idea, and one answer per user and date-poll slot, by primary key.

CREATE TABLE coq_idea (
    id          BIGINT NOT NULL AUTO_INCREMENT,
    page        VARCHAR(500)   NOT NULL,
    author      VARCHAR(200)   NOT NULL,
    title       VARCHAR(500)   NOT NULL,
    body        MEDIUMTEXT  NOT NULL,
    created_at  BIGINT         NOT NULL,
    status      VARCHAR(20)    NOT NULL,
    answer      MEDIUMTEXT,
    CONSTRAINT coq_idea_pk PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
CREATE INDEX coq_idea_page_ix ON coq_idea (page, id);

CREATE TABLE coq_idea_vote (
    idea_id   BIGINT        NOT NULL,
    user_id   VARCHAR(200)  NOT NULL,
    voted_at  BIGINT        NOT NULL,
    CONSTRAINT coq_idea_vote_pk PRIMARY KEY (idea_id, user_id),
    CONSTRAINT coq_idea_vote_idea_fk FOREIGN KEY (idea_id) REFERENCES coq_idea (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;

CREATE TABLE coq_idea_status (
    id           BIGINT NOT NULL AUTO_INCREMENT,
    idea_id      BIGINT        NOT NULL,
    from_status  VARCHAR(20)   NOT NULL,
    to_status    VARCHAR(20)   NOT NULL,
    answer       MEDIUMTEXT,
    editor       VARCHAR(200)  NOT NULL,
    changed_at   BIGINT        NOT NULL,
    CONSTRAINT coq_idea_status_pk PRIMARY KEY (id),
    CONSTRAINT coq_idea_status_idea_fk FOREIGN KEY (idea_id) REFERENCES coq_idea (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
CREATE INDEX coq_idea_status_idea_ix ON coq_idea_status (idea_id, id);

CREATE TABLE coq_date_poll (
    id           BIGINT NOT NULL AUTO_INCREMENT,
    page         VARCHAR(500)   NOT NULL,
    title        VARCHAR(1000)  NOT NULL,
    chosen_slot  INT,
    closed_at    BIGINT,
    CONSTRAINT coq_date_poll_pk PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
CREATE INDEX coq_date_poll_page_ix ON coq_date_poll (page, id);

CREATE TABLE coq_date_slot (
    poll_id     BIGINT  NOT NULL,
    slot_index  INT     NOT NULL,
    starts_at   BIGINT  NOT NULL,
    ends_at     BIGINT  NOT NULL,
    CONSTRAINT coq_date_slot_pk PRIMARY KEY (poll_id, slot_index),
    CONSTRAINT coq_date_slot_poll_fk FOREIGN KEY (poll_id) REFERENCES coq_date_poll (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;

CREATE TABLE coq_date_answer (
    poll_id       BIGINT        NOT NULL,
    user_id       VARCHAR(200)  NOT NULL,
    slot_index    INT           NOT NULL,
    availability  VARCHAR(20)   NOT NULL,
    answered_at   BIGINT        NOT NULL,
    CONSTRAINT coq_date_answer_pk PRIMARY KEY (poll_id, user_id, slot_index),
    CONSTRAINT coq_date_answer_slot_fk FOREIGN KEY (poll_id, slot_index)
        REFERENCES coq_date_slot (poll_id, slot_index) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
