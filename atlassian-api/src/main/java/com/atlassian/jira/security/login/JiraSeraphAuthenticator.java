package com.atlassian.jira.security.login;

import com.atlassian.seraph.auth.AuthenticationContextAwareAuthenticator;
import com.atlassian.seraph.auth.AuthenticationErrorType;
import com.atlassian.seraph.auth.AuthenticatorException;
import com.atlassian.seraph.auth.DefaultAuthenticator;
import io.crowd2fa.atlassianapi.harness.DirectoryUnavailableException;
import io.crowd2fa.atlassianapi.harness.ProductUserDirectory;
import java.security.Principal;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Jira's default Seraph authenticator.
 *
 * <p>INFERRED: no Jira 9/10 signature was found. The members are those of the Jira 7.0.9 javadoc
 * (seraph-signatures.txt, commented block), and the annotation is the one Jira 6/7 sources carry.
 * Re-check against a Jira 10 jira-core jar before relying on anything beyond them.
 *
 * <p>Real Jira finds users with {@code UserManager} and checks passwords with {@code CrowdService};
 * here both go to the harness-only {@link ProductUserDirectory} that the {@code SecurityConfig}
 * passed to {@code init} supplies.
 */
@AuthenticationContextAwareAuthenticator
public class JiraSeraphAuthenticator extends DefaultAuthenticator {

  public JiraSeraphAuthenticator() {}

  @Override
  protected boolean authenticate(Principal user, String password) throws AuthenticatorException {
    try {
      return directory().authenticate(user.getName(), password);
    } catch (DirectoryUnavailableException e) {
      AuthenticatorException failure =
          new AuthenticatorException(AuthenticationErrorType.CommunicationError);
      failure.initCause(e);
      throw failure;
    }
  }

  @Override
  protected Principal getUser(String username) {
    return directory().findUser(username);
  }

  @Override
  protected Principal getUserFromBasicAuthentication(
      HttpServletRequest request, HttpServletResponse response) {
    return super.getUserFromBasicAuthentication(request, response);
  }

  @Override
  protected Principal refreshPrincipalObtainedFromSession(
      HttpServletRequest request, Principal principal) {
    return super.refreshPrincipalObtainedFromSession(request, principal);
  }

  /** Harness-only and package-private, so it is no part of the compared signatures. */
  ProductUserDirectory directory() {
    if (getConfig() instanceof ProductUserDirectory.Source source) {
      return source.productUserDirectory();
    }
    throw new IllegalStateException(
        "Harness-only: the SecurityConfig given to init must implement"
            + " ProductUserDirectory.Source");
  }
}
