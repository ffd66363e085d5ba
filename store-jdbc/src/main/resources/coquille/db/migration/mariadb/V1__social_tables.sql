-- Coquille's tables on MariaDB. Instants are epoch milliseconds (UTC) in BIGINT columns.
-- Keep in step with ../h2 and ../postgresql: same tables, columns and keys.
-- Every table states its character set (utf8mb4, for emoji) and a binary collation, so that keys compare
-- exactly as Java does ('a' and 'A', or two emoji, are different) whatever the server's defaults.
-- The longest key, coq_reaction's (500 + 200 + 50 characters x 4 bytes = 3000 bytes), fits InnoDB's
-- 3072-byte limit with ROW_FORMAT=DYNAMIC.

CREATE TABLE coq_page_settings (
    page             VARCHAR(500)  NOT NULL,
    widgets          VARCHAR(200)  NOT NULL,
    anchor           VARCHAR(20)   NOT NULL,
    selector         VARCHAR(1000),
    vote_kind        VARCHAR(20)   NOT NULL,
    moderation       VARCHAR(20)   NOT NULL,
    comments_locked  BOOLEAN       NOT NULL,
    CONSTRAINT coq_page_settings_pk PRIMARY KEY (page)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;

CREATE TABLE coq_comment (
    id          BIGINT NOT NULL AUTO_INCREMENT,
    page        VARCHAR(500)      NOT NULL,
    parent_id   BIGINT,
    author      VARCHAR(200)      NOT NULL,
    body        MEDIUMTEXT        NOT NULL,
    created_at  BIGINT            NOT NULL,
    edited_at   BIGINT,
    state       VARCHAR(20)       NOT NULL,
    CONSTRAINT coq_comment_pk PRIMARY KEY (id),
    CONSTRAINT coq_comment_parent_fk FOREIGN KEY (parent_id) REFERENCES coq_comment (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
CREATE INDEX coq_comment_page_ix ON coq_comment (page, created_at, id);
CREATE INDEX coq_comment_state_ix ON coq_comment (state, created_at, id);

CREATE TABLE coq_vote (
    page        VARCHAR(500)  NOT NULL,
    user_id     VARCHAR(200)  NOT NULL,
    vote_value  INT           NOT NULL,
    voted_at    BIGINT        NOT NULL,
    CONSTRAINT coq_vote_pk PRIMARY KEY (page, user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;

CREATE TABLE coq_poll (
    id          BIGINT NOT NULL AUTO_INCREMENT,
    page        VARCHAR(500)   NOT NULL,
    question    VARCHAR(2000)  NOT NULL,
    choice      VARCHAR(20)    NOT NULL,
    opens_at    BIGINT,
    closes_at   BIGINT,
    results     VARCHAR(20)    NOT NULL,
    CONSTRAINT coq_poll_pk PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
CREATE INDEX coq_poll_page_ix ON coq_poll (page, id);

CREATE TABLE coq_poll_option (
    poll_id       BIGINT         NOT NULL,
    option_index  INT            NOT NULL,
    label         VARCHAR(1000)  NOT NULL,
    CONSTRAINT coq_poll_option_pk PRIMARY KEY (poll_id, option_index),
    CONSTRAINT coq_poll_option_poll_fk FOREIGN KEY (poll_id) REFERENCES coq_poll (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;

-- One ballot per user and poll: the participant count. Its answers hang off it.
CREATE TABLE coq_poll_ballot (
    poll_id      BIGINT        NOT NULL,
    user_id      VARCHAR(200)  NOT NULL,
    answered_at  BIGINT        NOT NULL,
    CONSTRAINT coq_poll_ballot_pk PRIMARY KEY (poll_id, user_id),
    CONSTRAINT coq_poll_ballot_poll_fk FOREIGN KEY (poll_id) REFERENCES coq_poll (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;

CREATE TABLE coq_poll_answer (
    poll_id       BIGINT        NOT NULL,
    user_id       VARCHAR(200)  NOT NULL,
    option_index  INT           NOT NULL,
    CONSTRAINT coq_poll_answer_pk PRIMARY KEY (poll_id, user_id, option_index),
    CONSTRAINT coq_poll_answer_ballot_fk FOREIGN KEY (poll_id, user_id)
        REFERENCES coq_poll_ballot (poll_id, user_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
CREATE INDEX coq_poll_answer_option_ix ON coq_poll_answer (poll_id, option_index);

CREATE TABLE coq_reaction (
    page        VARCHAR(500)  NOT NULL,
    user_id     VARCHAR(200)  NOT NULL,
    emoji       VARCHAR(50)   NOT NULL,
    reacted_at  BIGINT        NOT NULL,
    CONSTRAINT coq_reaction_pk PRIMARY KEY (page, user_id, emoji)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;

CREATE TABLE coq_page_view_day (
    page      VARCHAR(500)  NOT NULL,
    view_day  DATE          NOT NULL,
    views     BIGINT        NOT NULL,
    CONSTRAINT coq_page_view_day_pk PRIMARY KEY (page, view_day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;

CREATE TABLE coq_page_viewer (
    page        VARCHAR(500)  NOT NULL,
    view_day    DATE          NOT NULL,
    viewer_key  VARCHAR(100)  NOT NULL,
    CONSTRAINT coq_page_viewer_pk PRIMARY KEY (page, view_day, viewer_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
