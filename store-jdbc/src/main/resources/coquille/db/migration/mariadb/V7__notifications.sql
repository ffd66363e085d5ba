-- E-mail notifications on mariadb: the outbox (sent off the request thread, once, with retries), each person's choice
-- (immediately, a daily digest, nothing; and the language of their mail) and what they follow (date polls answered).
-- Keep in step with ../h2 and ../postgresql: same tables, columns and keys.

CREATE TABLE coq_outbox (
    id           BIGINT NOT NULL AUTO_INCREMENT,
    recipient    VARCHAR(200)   NOT NULL,
    kind         VARCHAR(30)    NOT NULL,
    payload      TEXT  NOT NULL,
    created_at   BIGINT         NOT NULL,
    due_at       BIGINT         NOT NULL,
    digest       BOOLEAN        NOT NULL,
    status       VARCHAR(20)    NOT NULL,
    attempts     INT            NOT NULL,
    claimed_by   VARCHAR(100),
    lease_until  BIGINT,
    last_error   VARCHAR(1000),
    CONSTRAINT coq_outbox_pk PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;

CREATE INDEX coq_outbox_due_ix ON coq_outbox (status, due_at);
CREATE INDEX coq_outbox_recipient_ix ON coq_outbox (recipient, created_at);

CREATE TABLE coq_notify_choice (
    user_id   VARCHAR(200)  NOT NULL,
    delivery  VARCHAR(20)   NOT NULL,
    language  VARCHAR(10)   NOT NULL,
    CONSTRAINT coq_notify_choice_pk PRIMARY KEY (user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;

CREATE TABLE coq_notify_follow (
    topic    VARCHAR(200)  NOT NULL,
    user_id  VARCHAR(200)  NOT NULL,
    CONSTRAINT coq_notify_follow_pk PRIMARY KEY (topic, user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;

CREATE INDEX coq_notify_follow_user_ix ON coq_notify_follow (user_id);
