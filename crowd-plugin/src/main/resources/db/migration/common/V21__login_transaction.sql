-- LOGIN-WEB: a login between the password step and completion (DESIGN D2). Keyed by the SHA-256
-- of the random handle in the browser's crowd2fa.login cookie, so a database read does not give
-- out live handles. Any node can continue a login another node started.
CREATE TABLE c2fa_login_transaction (
  handle_hash     VARCHAR(64)   PRIMARY KEY,
  username        VARCHAR(255)  NOT NULL,
  client_address  VARCHAR(64)   NOT NULL,
  purpose         VARCHAR(16)   NOT NULL,
  stage           VARCHAR(32)   NOT NULL,
  proven          VARCHAR(64)   NOT NULL,
  allowed_factors VARCHAR(64)   NOT NULL,
  destination     VARCHAR(2048),
  token_binding   VARCHAR(64),
  started_at      BIGINT        NOT NULL,
  expires_at      BIGINT        NOT NULL,
  version         INT           NOT NULL
);
CREATE INDEX c2fa_login_transaction_expiry ON c2fa_login_transaction (expires_at);
