package com.atlassian.confluence.user;

import java.security.Principal;

/**
 * A Confluence user. INFERRED and MINIMAL: only needed as the covariant return type of {@link
 * ConfluenceAuthenticator#getUser(String)}. The real interface extends {@code
 * com.atlassian.user.User} (itself a {@link Principal}) and has more members.
 */
public interface ConfluenceUser extends Principal {}
