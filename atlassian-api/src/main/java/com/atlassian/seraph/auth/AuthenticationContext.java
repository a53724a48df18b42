package com.atlassian.seraph.auth;

import java.security.Principal;

/**
 * Seraph 4.1.4: the per-thread current user that {@code SecurityFilter} sets for authenticators
 * annotated {@link AuthenticationContextAwareAuthenticator}. Does not extend {@code Initable}.
 */
public interface AuthenticationContext {
  Principal getUser();

  void setUser(Principal user);

  void clearUser();
}
