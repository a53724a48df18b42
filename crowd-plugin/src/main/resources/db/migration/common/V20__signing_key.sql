-- LOGIN-WEB: ES256 keys that sign 2FA assertions, shared by every node. The private JWK is sealed
-- with the master key (kept outside the database). Times are epoch milliseconds (UTC).
CREATE TABLE c2fa_signing_key (
  key_id              VARCHAR(64)   PRIMARY KEY,
  sealed_private_jwk  VARCHAR(4096) NOT NULL,
  created_at          BIGINT        NOT NULL,
  retired_at          BIGINT
);
