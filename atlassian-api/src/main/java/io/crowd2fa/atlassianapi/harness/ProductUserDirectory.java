package io.crowd2fa.atlassianapi.harness;

import java.security.Principal;

/**
 * HARNESS-ONLY, not an Atlassian API: the user directory behind the product authenticators declared
 * in this module ({@code JiraSeraphAuthenticator}, {@code ConfluenceAuthenticator}).
 *
 * <p>Real Jira and Confluence look users up through their own component containers (Jira's {@code
 * UserManager} and {@code CrowdService}, Confluence's Spring-wired {@code UserAccessor}). Those
 * containers do not exist here, so a harness supplies the directory instead: the {@link
 * com.atlassian.seraph.config.SecurityConfig} it passes to {@code Authenticator.init} also
 * implements {@link Source}. Code that ships must never use this type; it exists only in the
 * compile-only {@code atlassian-api} module.
 */
public interface ProductUserDirectory {

  /**
   * @return the user, or {@code null} when the directory has no such (active) user
   */
  Principal findUser(String username);

  /**
   * @return whether the password is the user's password
   * @throws DirectoryUnavailableException when the directory cannot be reached
   */
  boolean authenticate(String username, String password);

  /** Implemented by a harness's {@code SecurityConfig} to hand the directory to authenticators. */
  interface Source {
    ProductUserDirectory productUserDirectory();
  }
}
