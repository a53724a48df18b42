package io.crowd2fa.plugin.web;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.servlet.http.HttpServletResponse;

/**
 * Writes {@code Set-Cookie} headers by hand because Servlet 4's {@code Cookie} has no SameSite.
 * Every cookie is HttpOnly and SameSite=Lax (or Strict); Secure when the service runs under HTTPS.
 */
public final class CookieWriter {

  private static final Pattern SAFE_VALUE = Pattern.compile("[A-Za-z0-9._~+/=-]*");
  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._-]+");

  private final boolean secure;

  public CookieWriter(boolean secure) {
    this.secure = secure;
  }

  /** One cookie; a negative maxAge makes a session cookie. */
  public record Spec(
      String name,
      String value,
      String path,
      Optional<String> domain,
      Duration maxAge,
      String sameSite) {

    public Spec {
      if (!SAFE_NAME.matcher(name).matches() || !SAFE_VALUE.matcher(value).matches()) {
        throw new IllegalArgumentException("cookie name or value has unsafe characters");
      }
      if (!"Lax".equals(sameSite) && !"Strict".equals(sameSite)) {
        throw new IllegalArgumentException("SameSite must be Lax or Strict");
      }
    }
  }

  public void add(HttpServletResponse response, Spec spec) {
    StringBuilder header = new StringBuilder(spec.name()).append('=').append(spec.value());
    header.append("; Path=").append(spec.path());
    spec.domain().ifPresent(d -> header.append("; Domain=").append(d));
    if (!spec.maxAge().isNegative()) {
      header.append("; Max-Age=").append(spec.maxAge().toSeconds());
    }
    header.append("; HttpOnly");
    if (secure) {
      header.append("; Secure");
    }
    header.append("; SameSite=").append(spec.sameSite());
    response.addHeader("Set-Cookie", header.toString());
  }

  /** Expires a cookie set with the same name, path and domain. */
  public void clear(
      HttpServletResponse response, String name, String path, Optional<String> domain) {
    add(response, new Spec(name, "", path, domain, Duration.ZERO, "Lax"));
  }
}
