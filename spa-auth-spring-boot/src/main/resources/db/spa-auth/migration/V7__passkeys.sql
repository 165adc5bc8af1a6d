-- Passkeys (WebAuthn credentials). Each account that registers one gets a random user handle (the
-- WebAuthn user.id, never the database id or a name: it is stored by authenticators).
CREATE TABLE passkey_user_handles (
    user_id     BIGINT      NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    user_handle VARCHAR(64) NOT NULL,
    CONSTRAINT passkey_user_handles_uk UNIQUE (user_handle)
);

-- The credentials: the public key (COSE), the signature counter and flags, base64url credential ids.
CREATE TABLE passkeys (
    credential_id      VARCHAR(1400) NOT NULL PRIMARY KEY,
    user_id            BIGINT        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    public_key         BYTEA         NOT NULL,
    signature_count    BIGINT        NOT NULL,
    uv_initialized     BOOLEAN       NOT NULL,
    backup_eligible    BOOLEAN       NOT NULL,
    backup_state       BOOLEAN       NOT NULL,
    transports         VARCHAR(255)  NOT NULL,
    credential_type    VARCHAR(32),
    attestation_object BYTEA,
    client_data_json   BYTEA,
    label              VARCHAR(64)   NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX passkeys_user_ix ON passkeys (user_id);

-- Ceremonies in progress, keyed by their challenge: each works once and for 5 minutes, and none
-- needs a session (a sign-in with a passkey starts anonymous).
CREATE TABLE passkey_ceremonies (
    challenge  VARCHAR(64) NOT NULL PRIMARY KEY,
    purpose    VARCHAR(20) NOT NULL,
    user_id    BIGINT REFERENCES users (id) ON DELETE CASCADE,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX passkey_ceremonies_expiry_ix ON passkey_ceremonies (expires_at);
