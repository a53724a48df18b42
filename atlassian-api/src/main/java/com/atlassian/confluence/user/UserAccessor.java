package com.atlassian.confluence.user;

/**
 * Confluence's user service. INFERRED and MINIMAL: the real interface has dozens of members; only
 * the two that {@link ConfluenceAuthenticator} calls are declared.
 */
public interface UserAccessor {
  ConfluenceUser getUserByName(String name);

  boolean authenticate(String username, String password);
}
