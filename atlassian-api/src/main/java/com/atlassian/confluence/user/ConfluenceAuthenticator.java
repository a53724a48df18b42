package com.atlassian.confluence.user;

import com.atlassian.seraph.auth.AuthenticationContextAwareAuthenticator;
import com.atlassian.seraph.auth.AuthenticationErrorType;
import com.atlassian.seraph.auth.AuthenticatorException;
import com.atlassian.seraph.auth.DefaultAuthenticator;
import io.crowd2fa.atlassianapi.harness.DirectoryUnavailableException;
import io.crowd2fa.atlassianapi.harness.ProductUserDirectory;
import java.security.Principal;
import javax.servlet.DispatcherType;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

/**
 * Confluence's default Seraph authenticator (signatures of the 8.7.2 jar, javax flavour), with the
 * members Crowd2FA overrides or calls. Left out: {@code getEventPublisher()}, because it needs
 * Atlassian's event API and nothing here publishes the login events the real class publishes.
 *
 * <p>Differences of the bodies from the real class, all deliberate: the session holds the user
 * itself, not a {@code ConfluenceUserPrincipal} wrapper, so "same user" and "refresh" go by name
 * rather than by user key; no login events; no setup-mode check. Without {@link
 * #setUserAccessor(UserAccessor)} the accessor comes from the harness-only {@link
 * ProductUserDirectory.Source} (real Confluence asks its Spring container).
 */
@AuthenticationContextAwareAuthenticator
public class ConfluenceAuthenticator extends DefaultAuthenticator {
  private transient UserAccessor userAccessor;

  @Override
  public boolean logout(HttpServletRequest request, HttpServletResponse response)
      throws AuthenticatorException {
    return super.logout(request, response);
  }

  @Override
  public boolean login(
      HttpServletRequest request,
      HttpServletResponse response,
      String username,
      String password,
      boolean setRememberMeCookie)
      throws AuthenticatorException {
    if (username == null) {
      return false;
    }
    request.setAttribute("com.atlassian.confluence.login.direct", Boolean.TRUE);
    return super.login(request, response, username, password, setRememberMeCookie);
  }

  @Override
  protected boolean authenticate(Principal user, String password) throws AuthenticatorException {
    try {
      return getUserAccessor().authenticate(user.getName(), password);
    } catch (DirectoryUnavailableException e) {
      AuthenticatorException failure =
          new AuthenticatorException(AuthenticationErrorType.CommunicationError);
      failure.initCause(e);
      throw failure;
    }
  }

  @Override
  protected boolean isPrincipalAlreadyInSessionContext(
      HttpServletRequest request, Principal principal) {
    Principal current = (Principal) request.getSession().getAttribute(LOGGED_IN_KEY);
    return current != null && principal != null && current.getName().equals(principal.getName());
  }

  @Override
  protected void putPrincipalInSessionContext(HttpServletRequest request, Principal principal) {
    super.putPrincipalInSessionContext(request, principal);
  }

  /** Reads the principal itself (not the user id) and refreshes it; failures mean "no user". */
  @Override
  protected Principal getUserFromSession(HttpServletRequest request) {
    try {
      HttpSession session = request.getSession();
      if (session.getAttribute(LOGGED_OUT_KEY) != null) {
        return null;
      }
      Principal principal = (Principal) session.getAttribute(LOGGED_IN_KEY);
      return refreshPrincipalObtainedFromSession(request, principal);
    } catch (RuntimeException lookupFailed) {
      return null;
    }
  }

  @Override
  protected Principal refreshPrincipalObtainedFromSession(
      HttpServletRequest request, Principal principal) {
    if (request.getDispatcherType() == DispatcherType.ERROR || principal == null) {
      return principal;
    }
    return getUserAccessor().getUserByName(principal.getName());
  }

  public void setUserAccessor(UserAccessor userAccessor) {
    this.userAccessor = userAccessor;
  }

  protected UserAccessor getUserAccessor() {
    if (userAccessor == null && getConfig() instanceof ProductUserDirectory.Source source) {
      userAccessor = new DirectoryUserAccessor(source.productUserDirectory());
    }
    if (userAccessor == null) {
      throw new IllegalStateException(
          "No UserAccessor: call setUserAccessor or init with a ProductUserDirectory.Source");
    }
    return userAccessor;
  }

  @Override
  protected ConfluenceUser getUser(String username) {
    return getUserAccessor().getUserByName(username);
  }

  @Override
  protected boolean authoriseUserAndEstablishSession(
      HttpServletRequest request, HttpServletResponse response, Principal principal) {
    return super.authoriseUserAndEstablishSession(request, response, principal);
  }
}
