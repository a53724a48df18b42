-- TOTP authenticators (engine: totp). sealed_secret is AES-256-GCM under a master key that is
-- not in this database; last_used_step enforces single use of each time step (conditional update).
CREATE TABLE totp_credential (
    id             UUID         PRIMARY KEY,
    username       VARCHAR(255) NOT NULL,
    nickname       VARCHAR(64)  NOT NULL,
    algorithm      VARCHAR(16)  NOT NULL,
    digits         INTEGER      NOT NULL,
    period_seconds INTEGER      NOT NULL,
    sealed_secret  VARCHAR(512) NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    created_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP(6) WITH TIME ZONE,
    activated_at   TIMESTAMP(6) WITH TIME ZONE,
    last_used_step BIGINT,
    last_used_at   TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT totp_credential_status CHECK (status IN ('PENDING', 'ACTIVE', 'DISABLED')),
    CONSTRAINT totp_credential_digits CHECK (digits IN (6, 8))
);

CREATE INDEX totp_credential_user ON totp_credential (username, status);
CREATE INDEX totp_credential_pending ON totp_credential (status, expires_at);
