package io.crowd2fa.crowd;

import java.util.Objects;
import java.util.Optional;

/**
 * Crowd's SSO cookie configuration ({@code GET /config/cookie}): the domain to set the cookie on
 * (absent = host-only), whether it is secure, and its name.
 */
public record CookieConfiguration(Optional<String> domain, boolean secure, String name) {

  public CookieConfiguration {
    Objects.requireNonNull(domain, "domain");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("cookie name must not be blank");
    }
  }
}
