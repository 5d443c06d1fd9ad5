-- The shared mode's store (fraga.store=postgres). Times are the service clock's; JSON arrays are kept as text.

-- The knowledge documents as staff last put them: the source of truth every instance indexes from.
CREATE TABLE document (
    document_id  TEXT PRIMARY KEY,
    file_name    TEXT        NOT NULL,
    content      BYTEA       NOT NULL,
    content_hash TEXT        NOT NULL,
    modified_at  TIMESTAMPTZ NOT NULL
);

-- Replaced and deleted versions, so staff can restore them.
CREATE TABLE document_version (
    document_id  TEXT        NOT NULL,
    version_id   TEXT        NOT NULL,
    file_name    TEXT        NOT NULL,
    reason       TEXT        NOT NULL,
    kept_at      TIMESTAMPTZ NOT NULL,
    size         BIGINT      NOT NULL,
    content_hash TEXT        NOT NULL,
    content      BYTEA       NOT NULL,
    PRIMARY KEY (document_id, version_id)
);

-- The recent turns of each conversation; forgotten after fraga.answer.conversation-ttl idle.
CREATE TABLE conversation_turn (
    conversation_key TEXT        NOT NULL,
    turn             BIGSERIAL,
    question         TEXT        NOT NULL,
    answer           TEXT        NOT NULL,
    answered         BOOLEAN     NOT NULL,
    document_ids     TEXT        NOT NULL,
    at               TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (conversation_key, turn)
);
CREATE INDEX conversation_turn_at ON conversation_turn (at);

-- Staff actions.
CREATE TABLE audit_entry (
    id          BIGSERIAL PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL,
    username    TEXT,
    action      TEXT        NOT NULL,
    file_name   TEXT,
    document_id TEXT,
    outcome     TEXT        NOT NULL,
    detail      TEXT
);
CREATE INDEX audit_entry_at ON audit_entry (at);

-- Unanswered questions and answers marked unhelpful (masked), and the answers given that a mark can join.
CREATE TABLE insight (
    id           BIGSERIAL PRIMARY KEY,
    at           TIMESTAMPTZ NOT NULL,
    kind         TEXT        NOT NULL,
    channel      TEXT,
    message_id   TEXT,
    question     TEXT,
    answer       TEXT,
    document_ids TEXT        NOT NULL,
    comment      TEXT        NOT NULL
);
CREATE INDEX insight_at ON insight (at);
CREATE TABLE answer_given (
    message_id   TEXT PRIMARY KEY,
    channel      TEXT,
    question     TEXT,
    answer       TEXT,
    document_ids TEXT        NOT NULL,
    marked       BOOLEAN     NOT NULL DEFAULT FALSE,
    at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX answer_given_at ON answer_given (at);

-- Staff's regression questions (JSONL as written) and the last run's report (JSON).
CREATE TABLE regression (
    id        INT PRIMARY KEY CHECK (id = 1),
    questions TEXT NOT NULL,
    report    TEXT
);

-- Telegram updates taken, so each is answered once and each chat's in order by whichever instance.
CREATE TABLE telegram_update (
    update_id   BIGINT PRIMARY KEY,
    chat_id     BIGINT      NOT NULL,
    payload     TEXT        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    handled_at  TIMESTAMPTZ
);
CREATE INDEX telegram_update_pending ON telegram_update (chat_id, update_id) WHERE handled_at IS NULL;

-- Staff sessions (Spring Session JDBC's own schema for PostgreSQL).
CREATE TABLE SPRING_SESSION (
    PRIMARY_ID            CHAR(36) NOT NULL,
    SESSION_ID            CHAR(36) NOT NULL,
    CREATION_TIME         BIGINT   NOT NULL,
    LAST_ACCESS_TIME      BIGINT   NOT NULL,
    MAX_INACTIVE_INTERVAL INT      NOT NULL,
    EXPIRY_TIME           BIGINT   NOT NULL,
    PRINCIPAL_NAME        VARCHAR(100),
    CONSTRAINT SPRING_SESSION_PK PRIMARY KEY (PRIMARY_ID)
);
CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);
CREATE TABLE SPRING_SESSION_ATTRIBUTES (
    SESSION_PRIMARY_ID CHAR(36)     NOT NULL,
    ATTRIBUTE_NAME     VARCHAR(200) NOT NULL,
    ATTRIBUTE_BYTES    BYTEA        NOT NULL,
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_PK PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID) REFERENCES SPRING_SESSION (PRIMARY_ID) ON DELETE CASCADE
);
