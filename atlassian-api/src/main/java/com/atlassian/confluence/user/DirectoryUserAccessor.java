package com.atlassian.confluence.user;

import io.crowd2fa.atlassianapi.harness.ProductUserDirectory;
import java.security.Principal;

/**
 * Harness-only and package-private: presents a {@link ProductUserDirectory} as a {@link
 * UserAccessor}, so one harness directory serves both product authenticators.
 */
final class DirectoryUserAccessor implements UserAccessor {
  private final ProductUserDirectory directory;

  DirectoryUserAccessor(ProductUserDirectory directory) {
    this.directory = directory;
  }

  @Override
  public ConfluenceUser getUserByName(String name) {
    Principal user = directory.findUser(name);
    if (user == null || user instanceof ConfluenceUser) {
      return (ConfluenceUser) user;
    }
    return new NamedUser(user.getName());
  }

  @Override
  public boolean authenticate(String username, String password) {
    return directory.authenticate(username, password);
  }

  private record NamedUser(String name) implements ConfluenceUser {
    @Override
    public String getName() {
      return name;
    }
  }
}
