package io.crowd2fa.sandbox.product;

import com.atlassian.seraph.service.rememberme.RememberMeService;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Seraph's remember-me: a random cookie value the product maps back to a user. Tests mint one with
 * {@link #remember(String)} to prove the Crowd2FA authenticator never signs anyone in by it.
 */
public final class RememberMeCookies implements RememberMeService {

  public static final String COOKIE = "seraph.rememberme.cookie";

  private final Map<String, String> tokens = new ConcurrentHashMap<>();
  private final java.security.SecureRandom random;

  public RememberMeCookies(java.security.SecureRandom random) {
    this.random = random;
  }

  /** A valid remember-me cookie value for {@code username}, as the product would have issued. */
  public String remember(String username) {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    String token = java.util.HexFormat.of().formatHex(bytes);
    tokens.put(token, username);
    return token;
  }

  @Override
  public String getRememberMeCookieAuthenticatedUsername(
      HttpServletRequest request, HttpServletResponse response) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    for (Cookie cookie : cookies) {
      if (COOKIE.equals(cookie.getName())) {
        return tokens.get(cookie.getValue());
      }
    }
    return null;
  }

  @Override
  public void addRememberMeCookie(
      HttpServletRequest request, HttpServletResponse response, String authenticatedUsername) {
    Cookie cookie = new Cookie(COOKIE, remember(authenticatedUsername));
    cookie.setHttpOnly(true);
    cookie.setPath("/");
    response.addCookie(cookie);
  }

  @Override
  public void removeRememberMeCookie(HttpServletRequest request, HttpServletResponse response) {
    Cookie cookie = new Cookie(COOKIE, "");
    cookie.setMaxAge(0);
    cookie.setPath("/");
    response.addCookie(cookie);
  }
}
