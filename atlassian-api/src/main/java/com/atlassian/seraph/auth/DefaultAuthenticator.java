package com.atlassian.seraph.auth;

import com.atlassian.seraph.config.SecurityConfig;
import com.atlassian.seraph.config.SecurityConfigFactory;
import com.atlassian.seraph.elevatedsecurity.ElevatedSecurityGuard;
import com.atlassian.seraph.interceptor.LogoutInterceptor;
import com.atlassian.seraph.service.rememberme.RememberMeService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

/**
 * Seraph 4.1.4: session, remember-me and HTTP Basic authentication over two product hooks, {@link
 * #getUser(String)} and {@link #authenticate(Principal, String)}.
 *
 * <p>The bodies follow the behaviour of the real class (atlassian-api.md §2.4 and the 4.1.4
 * decompilation it cites) closely enough that a subclass sees the same calls in the same order:
 * which session attributes are written, which {@link LoginReason} is stamped, when the remember-me
 * cookie is removed, and that an {@code Authorization: Basic} header alone is enough to attempt a
 * password login. Logging is left out.
 */
public abstract class DefaultAuthenticator extends AbstractAuthenticator {
  /** The Principal. Deprecated in 4.1.4 in favour of {@link #LOGGED_IN_USER_ID_KEY}. */
  @Deprecated public static final String LOGGED_IN_KEY = "seraph_defaultauthenticator_user";

  public static final String LOGGED_IN_USER_ID_KEY = "seraph_defaultauthenticator_user_id";
  public static final String LOGGED_OUT_KEY = "seraph_defaultauthenticator_logged_out_user";

  private static final String BASIC_PREFIX = "Basic ";

  private String basicAuthParameterName;

  @Override
  public void init(Map<String, String> params, SecurityConfig config) {
    super.init(params, config);
    this.basicAuthParameterName = config.getAuthType();
  }

  @Override
  public boolean login(
      HttpServletRequest request,
      HttpServletResponse response,
      String userName,
      String password,
      boolean setRememberMeCookie)
      throws AuthenticatorException {
    Principal claimed = () -> userName;
    if (authenticate(claimed, password)) {
      Principal user = getUser(userName);
      if (authoriseUserAndEstablishSession(request, response, user)) {
        if (setRememberMeCookie && response != null) {
          getRememberMeService().addRememberMeCookie(request, response, userName);
        }
        return true;
      }
      LoginReason.AUTHORISATION_FAILED.stampRequestResponse(request, response);
    }
    // Seraph stamps nothing for a wrong password: the login filter stamps AUTHENTICATED_FAILED.
    if (response != null) {
      getRememberMeService().removeRememberMeCookie(request, response);
    }
    return false;
  }

  @Override
  public boolean logout(HttpServletRequest request, HttpServletResponse response)
      throws AuthenticatorException {
    List<LogoutInterceptor> interceptors = getLogoutInterceptors();
    for (LogoutInterceptor interceptor : interceptors) {
      interceptor.beforeLogout(request, response);
    }
    removePrincipalFromSessionContext(request);
    LoginReason.OUT.stampRequestResponse(request, response);
    if (response != null) {
      getRememberMeService().removeRememberMeCookie(request, response);
    }
    for (LogoutInterceptor interceptor : interceptors) {
      interceptor.afterLogout(request, response);
    }
    return true;
  }

  protected boolean authoriseUserAndEstablishSession(
      HttpServletRequest request, HttpServletResponse response, Principal principal) {
    boolean alreadyInSession = isPrincipalAlreadyInSessionContext(request, principal);
    // Seraph clears the session's user before it asks the role mapper.
    putPrincipalInSessionContext(request, null);
    if (!isAuthorised(request, principal)) {
      return false;
    }
    SecurityConfig config = getConfig();
    if (!alreadyInSession && config != null && config.isInvalidateSessionOnLogin()) {
      invalidateSession(request, config.getInvalidateSessionExcludeList());
    }
    putPrincipalInSessionContext(request, principal);
    return true;
  }

  protected boolean isAuthorised(HttpServletRequest request, Principal principal) {
    return getRoleMapper().canLogin(principal, request);
  }

  protected void putPrincipalInSessionContext(HttpServletRequest request, Principal principal) {
    HttpSession session = request.getSession();
    session.setAttribute(LOGGED_IN_KEY, principal);
    session.setAttribute(LOGGED_IN_USER_ID_KEY, principal == null ? null : principal.getName());
    session.setAttribute(LOGGED_OUT_KEY, null);
  }

  protected void removePrincipalFromSessionContext(HttpServletRequest request) {
    HttpSession session = request.getSession();
    session.setAttribute(LOGGED_IN_KEY, null);
    session.setAttribute(LOGGED_IN_USER_ID_KEY, null);
    session.setAttribute(LOGGED_OUT_KEY, Boolean.TRUE);
  }

  protected boolean isPrincipalAlreadyInSessionContext(
      HttpServletRequest request, Principal principal) {
    if (principal == null) {
      return false;
    }
    return Objects.equals(usernameFromSession(request), principal.getName());
  }

  protected RoleMapper getRoleMapper() {
    return SecurityConfigFactory.getInstance().getRoleMapper();
  }

  protected abstract Principal getUser(String username);

  protected abstract boolean authenticate(Principal user, String password)
      throws AuthenticatorException;

  /** Session first, then the remember-me cookie (unless logged out), then HTTP Basic. */
  @Override
  public Principal getUser(HttpServletRequest request, HttpServletResponse response) {
    if (request.getSession(false) != null) {
      Principal sessionUser = getUserFromSession(request);
      if (sessionUser != null) {
        LoginReason.OK.stampRequestResponse(request, response);
        return sessionUser;
      }
    }
    if (!LoginReason.OUT.isStamped(request)) {
      Principal cookieUser = getUserFromCookie(request, response);
      if (cookieUser != null) {
        return cookieUser;
      }
    }
    if (isBasicAuthentication(request, basicAuthParameterName)) {
      return getUserFromBasicAuthentication(request, response);
    }
    return null;
  }

  /** Re-reads the user by name, so a renamed or deleted user does not live on in old sessions. */
  protected Principal refreshPrincipalObtainedFromSession(
      HttpServletRequest request, Principal principal) {
    if (principal == null || principal.getName() == null) {
      return principal;
    }
    Principal fresh = getUser(principal.getName());
    putPrincipalInSessionContext(request, fresh);
    return fresh;
  }

  protected Principal getPrincipalFromSession(HttpServletRequest request, String username) {
    if (username == null || username.isBlank()) {
      return null;
    }
    Principal user = getUser(username);
    putPrincipalInSessionContext(request, user);
    return user;
  }

  /**
   * {@code null} after a logout. Seraph turns any failure of the product's lookup into "no user in
   * the session" (it logs and returns null), so a broken directory fails closed, not open.
   */
  protected Principal getUserFromSession(HttpServletRequest request) {
    try {
      if (request.getSession().getAttribute(LOGGED_OUT_KEY) != null) {
        return null;
      }
      return getPrincipalFromSession(request, usernameFromSession(request));
    } catch (RuntimeException lookupFailed) {
      return null;
    }
  }

  protected Principal getUserFromCookie(HttpServletRequest request, HttpServletResponse response) {
    RememberMeService rememberMe = getRememberMeService();
    String userName = rememberMe.getRememberMeCookieAuthenticatedUsername(request, response);
    if (userName == null || userName.isBlank()) {
      return null;
    }
    Principal user = getUser(userName);
    if (user == null) {
      return null;
    }
    ElevatedSecurityGuard guard = getElevatedSecurityGuard();
    if (!guard.performElevatedSecurityCheck(request, userName)) {
      LoginReason.AUTHENTICATION_DENIED.stampRequestResponse(request, response);
      guard.onFailedLoginAttempt(request, userName);
      return null;
    }
    if (authoriseUserAndEstablishSession(request, response, user)) {
      LoginReason.OK.stampRequestResponse(request, response);
      guard.onSuccessfulLoginAttempt(request, userName);
      return user;
    }
    LoginReason.AUTHORISATION_FAILED.stampRequestResponse(request, response);
    guard.onFailedLoginAttempt(request, userName);
    return null;
  }

  /**
   * Logs in with the {@code Authorization: Basic} credentials. Without such a header it answers 401
   * with a Basic challenge; after a failed attempt it sends a 401 error naming the reason.
   */
  protected Principal getUserFromBasicAuthentication(
      HttpServletRequest request, HttpServletResponse response) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.startsWith(BASIC_PREFIX)) {
      if (response != null) {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Basic realm=\"protected-area\"");
      }
      return null;
    }
    String[] credentials = decodeBasicCredentials(header);
    String userName = credentials[0];
    ElevatedSecurityGuard guard = getElevatedSecurityGuard();
    LoginReason reason;
    if (!guard.performElevatedSecurityCheck(request, userName)) {
      reason = LoginReason.AUTHENTICATION_DENIED.stampRequestResponse(request, response);
      guard.onFailedLoginAttempt(request, userName);
    } else {
      try {
        if (login(request, response, userName, credentials[1], false)) {
          LoginReason.OK.stampRequestResponse(request, response);
          guard.onSuccessfulLoginAttempt(request, userName);
          return getUser(userName);
        }
        reason = LoginReason.AUTHENTICATED_FAILED.stampRequestResponse(request, response);
        guard.onFailedLoginAttempt(request, userName);
      } catch (AuthenticatorException e) {
        // Seraph logs this and answers 401 like any other failure; the reason stays unstamped.
        reason = LoginReason.OK;
      }
    }
    if (response != null) {
      sendBasicFailure(response, reason);
    }
    return null;
  }

  public String getAuthType() {
    return basicAuthParameterName;
  }

  protected List<LogoutInterceptor> getLogoutInterceptors() {
    return getConfig().getInterceptors(LogoutInterceptor.class);
  }

  protected ElevatedSecurityGuard getElevatedSecurityGuard() {
    return getConfig().getElevatedSecurityGuard();
  }

  protected RememberMeService getRememberMeService() {
    return getConfig().getRememberMeService();
  }

  private static String usernameFromSession(HttpServletRequest request) {
    HttpSession session = request.getSession();
    Object userId = session.getAttribute(LOGGED_IN_USER_ID_KEY);
    if (userId != null) {
      return (String) userId;
    }
    Principal principal = (Principal) session.getAttribute(LOGGED_IN_KEY);
    return principal == null ? null : principal.getName();
  }

  /**
   * Seraph's {@code RedirectUtils.isBasicAuthentication}: the query string holds {@code
   * <authTypeParam>=basic}, or any {@code Authorization} header mentions "basic".
   */
  private static boolean isBasicAuthentication(HttpServletRequest request, String parameterName) {
    String query = request.getQueryString();
    String padded = query == null ? "&&" : "&" + query + "&";
    if (padded.contains("&" + parameterName + "=" + SecurityConfig.BASIC_AUTH + "&")) {
      return true;
    }
    String authorization = request.getHeader("Authorization");
    return authorization != null && authorization.toUpperCase(Locale.ROOT).contains("BASIC");
  }

  /** {@code [username, password]}, both empty when there is no colon (Seraph's SecurityUtils). */
  private static String[] decodeBasicCredentials(String header) {
    byte[] decoded = Base64.getDecoder().decode(header.substring(BASIC_PREFIX.length()));
    String token = new String(decoded, StandardCharsets.ISO_8859_1);
    int colon = token.indexOf(':');
    if (colon < 0) {
      return new String[] {"", ""};
    }
    return new String[] {token.substring(0, colon), token.substring(colon + 1)};
  }

  private static void sendBasicFailure(HttpServletResponse response, LoginReason reason) {
    try {
      response.sendError(
          HttpServletResponse.SC_UNAUTHORIZED, "Basic Authentication Failure - Reason : " + reason);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Seraph's {@code SessionInvalidator}: a new session id, carrying over every attribute except
   * those on the exclude list (inferred from the 4.x behaviour; the point is session fixation).
   */
  private static void invalidateSession(HttpServletRequest request, List<String> excludeList) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return;
    }
    List<String> excluded = excludeList == null ? List.of() : excludeList;
    Map<String, Object> kept = new HashMap<>();
    for (String name : Collections.list(session.getAttributeNames())) {
      if (!excluded.contains(name)) {
        kept.put(name, session.getAttribute(name));
      }
    }
    session.invalidate();
    HttpSession fresh = request.getSession(true);
    kept.forEach(fresh::setAttribute);
  }
}
