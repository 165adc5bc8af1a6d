-- Throttle buckets shared by every instance when the database is PostgreSQL (Bucket4j's JDBC
-- back end: the serialized bucket state and when it may be forgotten). Unused on H2.
CREATE TABLE throttle_buckets (
    id         VARCHAR(300) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
