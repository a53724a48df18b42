package io.crowd2fa.plugin.web;

import io.crowd2fa.crowd.CookieConfiguration;
import io.crowd2fa.plugin.assertion.AssertionIssuer;
import io.crowd2fa.plugin.login.SsoGrant;
import java.time.Duration;
import java.util.Optional;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The cookies of the service: the login handle (service path only) before completion, and after it
 * Crowd's SSO cookie and the assertion cookie (domain-wide, {@code Path=/}, as products read them).
 * All HttpOnly, SameSite=Lax, Secure under HTTPS.
 */
final class BrowserCookies {

  static final String LOGIN_COOKIE = "crowd2fa.login";

  private final CookieWriter writer;
  private final Optional<String> configuredDomain;

  BrowserCookies(CookieWriter writer, Optional<String> configuredDomain) {
    this.writer = writer;
    this.configuredDomain = configuredDomain;
  }

  void setLoginHandle(HttpServletResponse response, String base, String handle) {
    writer.add(
        response,
        new CookieWriter.Spec(
            LOGIN_COOKIE, handle, base, Optional.empty(), Duration.ofSeconds(-1), "Lax"));
  }

  void clearLoginHandle(HttpServletResponse response, String base) {
    writer.clear(response, LOGIN_COOKIE, base, Optional.empty());
  }

  void setGrant(HttpServletResponse response, CookieConfiguration crowd, SsoGrant grant) {
    Optional<String> domain = domain(crowd);
    writer.add(
        response,
        new CookieWriter.Spec(
            crowd.name(), grant.token().value(), "/", domain, Duration.ofSeconds(-1), "Lax"));
    writer.add(
        response,
        new CookieWriter.Spec(
            AssertionIssuer.COOKIE_NAME,
            grant.assertion(),
            "/",
            domain,
            Duration.ofSeconds(-1),
            "Lax"));
  }

  void clearGrant(HttpServletResponse response, CookieConfiguration crowd) {
    Optional<String> domain = domain(crowd);
    writer.clear(response, crowd.name(), "/", domain);
    writer.clear(response, AssertionIssuer.COOKIE_NAME, "/", domain);
  }

  private Optional<String> domain(CookieConfiguration crowd) {
    return configuredDomain.isPresent() ? configuredDomain : crowd.domain();
  }

  /** The single value of cookie {@code name}; none when absent or sent more than once. */
  static Optional<String> read(HttpServletRequest request, String name, int maxLength) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    Optional<String> found = Optional.empty();
    for (Cookie cookie : cookies) {
      if (name.equals(cookie.getName())) {
        if (found.isPresent()) {
          return Optional.empty();
        }
        found =
            Optional.ofNullable(cookie.getValue())
                .filter(v -> !v.isEmpty() && v.length() <= maxLength);
      }
    }
    return found;
  }
}
