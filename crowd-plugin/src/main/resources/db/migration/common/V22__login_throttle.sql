-- LOGIN-WEB: password-step attempts per client address and per username in fixed windows, shared
-- by every node. Rows of past windows are deleted by the service.
CREATE TABLE c2fa_login_throttle (
  throttle_key  VARCHAR(320) NOT NULL,
  window_start  BIGINT       NOT NULL,
  attempts      INT          NOT NULL,
  PRIMARY KEY (throttle_key, window_start)
);
