package io.crowd2fa.plugin.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Double-submit CSRF tokens: a random value in a SameSite=Strict, HttpOnly cookie scoped to the
 * service path, echoed in a hidden form field. Stateless, so any node can check it. A cross-site
 * form can neither read the cookie nor (SameSite) send it.
 */
public final class CsrfGuard {

  public static final String COOKIE = "crowd2fa.csrf";
  public static final String FIELD = "crowd2fa_csrf";

  private final SecureRandom random;
  private final CookieWriter cookies;
  private final String path;

  public CsrfGuard(SecureRandom random, CookieWriter cookies, String path) {
    this.random = random;
    this.cookies = cookies;
    this.path = path.isEmpty() ? "/" : path;
  }

  /** The token for forms on this page; sets the cookie when the browser has none yet. */
  public String tokenFor(HttpServletRequest request, HttpServletResponse response) {
    Optional<String> existing = cookieValue(request).filter(CsrfGuard::wellFormed);
    if (existing.isPresent()) {
      return existing.get();
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    cookies.add(
        response,
        new CookieWriter.Spec(
            COOKIE, token, path, Optional.empty(), Duration.ofSeconds(-1), "Strict"));
    return token;
  }

  /** True when the POST carries the same token in the field and the cookie. */
  public boolean accepts(HttpServletRequest request) {
    String[] fields = request.getParameterValues(FIELD);
    Optional<String> cookie = cookieValue(request);
    if (fields == null || fields.length != 1 || cookie.isEmpty() || !wellFormed(fields[0])) {
      return false;
    }
    return MessageDigest.isEqual(
        fields[0].getBytes(StandardCharsets.US_ASCII),
        cookie.get().getBytes(StandardCharsets.US_ASCII));
  }

  private static boolean wellFormed(String token) {
    return token.length() == 43 && token.matches("[A-Za-z0-9_-]+");
  }

  private static Optional<String> cookieValue(HttpServletRequest request) {
    Cookie[] all = request.getCookies();
    if (all == null) {
      return Optional.empty();
    }
    Optional<String> found = Optional.empty();
    for (Cookie c : all) {
      if (COOKIE.equals(c.getName())) {
        if (found.isPresent()) {
          // Two cookies of that name means one was planted (e.g. for a parent domain): refuse both.
          return Optional.empty();
        }
        found = Optional.of(c.getValue());
      }
    }
    return found;
  }
}
