package io.crowd2fa.seraph.jira;

import com.atlassian.jira.security.login.JiraSeraphAuthenticator;
import com.atlassian.seraph.auth.AuthenticationContextAwareAuthenticator;
import com.atlassian.seraph.auth.AuthenticatorException;
import com.atlassian.seraph.config.SecurityConfig;
import io.crowd2fa.seraph.sso.ProductBridge;
import io.crowd2fa.seraph.sso.TwoFactorSso;
import java.security.Principal;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The Crowd2FA authenticator for Jira: replaces {@code JiraSeraphAuthenticator} in {@code
 * seraph-config.xml} and extends it.
 *
 * <p>Only the SSO decisions are Crowd2FA's ({@link TwoFactorSso}); users, roles, session
 * establishment and logout stay the product's own, so its principal types and events keep working.
 * Password login (form and HTTP Basic) is refused except for break-glass accounts, and never sets a
 * remember-me cookie.
 */
@AuthenticationContextAwareAuthenticator
public class JiraTwoFactorAuthenticator extends JiraSeraphAuthenticator {

  private transient TwoFactorSso sso;
  private final transient ProductBridge product = new Bridge();

  @Override
  public void init(Map<String, String> params, SecurityConfig config) {
    super.init(params, config);
    sso = TwoFactorSso.fromInitParams(params, JiraTwoFactorAuthenticator.class.getClassLoader());
  }

  /** Replaces the core built by {@link #init}: for tests that inject clock, Crowd and keys. */
  public void useCore(TwoFactorSso core) {
    this.sso = core;
  }

  @Override
  public Principal getUser(HttpServletRequest request, HttpServletResponse response) {
    return sso.getUser(request, response, product);
  }

  @Override
  public boolean login(
      HttpServletRequest request,
      HttpServletResponse response,
      String username,
      String password,
      boolean setRememberMeCookie)
      throws AuthenticatorException {
    if (!sso.mayUsePassword(username, request)) {
      return false;
    }
    // A remember-me cookie would outlive the break-glass reason; never set one.
    boolean accepted = super.login(request, response, username, password, false);
    if (accepted) {
      sso.passwordLoginSucceeded(request, username);
    }
    return accepted;
  }

  @Override
  public boolean logout(HttpServletRequest request, HttpServletResponse response)
      throws AuthenticatorException {
    sso.beforeProductLogout(request, response);
    return super.logout(request, response);
  }

  private final class Bridge implements ProductBridge {

    @Override
    public Principal sessionUser(HttpServletRequest request) {
      return getUserFromSession(request);
    }

    @Override
    public Principal findUser(String username) {
      return getUser(username);
    }

    @Override
    public boolean establishSession(
        HttpServletRequest request, HttpServletResponse response, Principal principal) {
      return authoriseUserAndEstablishSession(request, response, principal);
    }

    @Override
    public void clearSession(HttpServletRequest request) {
      removePrincipalFromSessionContext(request);
    }

    @Override
    public Principal basicLogin(HttpServletRequest request, HttpServletResponse response) {
      return getUserFromBasicAuthentication(request, response);
    }
  }
}
