-- Recovery codes (engine: recovery): only a salted HMAC-SHA-256 of each 120-bit secret is kept,
-- found by its non-secret identifier. The set row serialises regeneration per user.
CREATE TABLE recovery_code_set (
    username     VARCHAR(255) PRIMARY KEY,
    generated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE TABLE recovery_code (
    id         UUID         PRIMARY KEY,
    username   VARCHAR(255) NOT NULL,
    code_id    VARCHAR(8)   NOT NULL,
    salt       VARCHAR(64)  NOT NULL,
    code_hash  VARCHAR(128) NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT recovery_code_user_id UNIQUE (username, code_id)
);
