-- The browsers an account has signed in from: the SHA-256 of a random device cookie, so that a
-- sign-in from any other browser mails the account a notice with a "this wasn't me" link.
CREATE TABLE known_devices (
    user_id       BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    device_hash   VARCHAR(64)  NOT NULL,
    user_agent    VARCHAR(256),
    first_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT known_devices_pk PRIMARY KEY (user_id, device_hash)
);
