-- WebAuthn (engine: webauthn). Binary values are stored base64url-encoded, so the same DDL runs on
-- H2 and PostgreSQL. Nothing here is secret: credentials hold public keys only.

-- One random, stable user handle per user (never derived from the username).
CREATE TABLE webauthn_user_handle (
    username    VARCHAR(255) NOT NULL,
    user_handle VARCHAR(88)  NOT NULL,
    CONSTRAINT webauthn_user_handle_pk PRIMARY KEY (username),
    CONSTRAINT webauthn_user_handle_unique UNIQUE (user_handle)
);

-- Registered security keys and passkeys. credential_id is unique across ALL users: this
-- constraint, not a check in code, decides a concurrent registration of the same id.
CREATE TABLE webauthn_credential (
    id              UUID          PRIMARY KEY,
    credential_id   VARCHAR(1400) NOT NULL,
    username        VARCHAR(255)  NOT NULL,
    user_handle     VARCHAR(88)   NOT NULL,
    public_key_cose VARCHAR(4096) NOT NULL,
    signature_count BIGINT        NOT NULL,
    aaguid          VARCHAR(64)   NOT NULL,
    transports      VARCHAR(255)  NOT NULL,
    backup_eligible BOOLEAN       NOT NULL,
    backed_up       BOOLEAN       NOT NULL,
    nickname        VARCHAR(64)   NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_used_at    TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT webauthn_credential_id_unique UNIQUE (credential_id),
    CONSTRAINT webauthn_credential_status CHECK (status IN ('ACTIVE', 'POSSIBLY_CLONED', 'DISABLED')),
    CONSTRAINT webauthn_credential_counter CHECK (signature_count >= 0)
);

CREATE INDEX webauthn_credential_user ON webauthn_credential (username);

-- Pending ceremonies: one per login transaction and kind, consumed by a delete whose row count
-- decides which request (on any node) gets it.
CREATE TABLE webauthn_challenge (
    login_transaction_id VARCHAR(128)  NOT NULL,
    kind                 VARCHAR(16)   NOT NULL,
    username             VARCHAR(255)  NOT NULL,
    request_json         VARCHAR(65536) NOT NULL,
    created_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT webauthn_challenge_pk PRIMARY KEY (login_transaction_id, kind),
    CONSTRAINT webauthn_challenge_kind CHECK (kind IN ('REGISTRATION', 'ASSERTION'))
);

CREATE INDEX webauthn_challenge_expiry ON webauthn_challenge (expires_at);
