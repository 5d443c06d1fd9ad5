-- Per-member rate limits shared by the instances (Bucket4j's PostgreSQL proxy manager): one row per member key.
CREATE TABLE rate_limit_bucket (
    id         TEXT PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT,
    explicit_lock BIGINT
);
CREATE INDEX rate_limit_bucket_expires_at ON rate_limit_bucket (expires_at);
