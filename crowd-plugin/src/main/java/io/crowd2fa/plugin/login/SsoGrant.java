package io.crowd2fa.plugin.login;

import io.crowd2fa.crowd.SsoToken;
import java.time.Instant;
import java.util.Objects;

/**
 * What completion hands to the browser: the Crowd SSO token and the signed assertion bound to it.
 */
public record SsoGrant(SsoToken token, String assertion, Instant assertionExpiresAt) {

  public SsoGrant {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(assertion, "assertion");
    Objects.requireNonNull(assertionExpiresAt, "assertionExpiresAt");
  }

  @Override
  public String toString() {
    return "SsoGrant[assertionExpiresAt=" + assertionExpiresAt + "]";
  }
}
