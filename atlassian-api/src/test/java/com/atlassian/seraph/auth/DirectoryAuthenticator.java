package com.atlassian.seraph.auth;

import io.crowd2fa.atlassianapi.harness.ProductUserDirectory;
import java.security.Principal;

/** The smallest product authenticator: both product hooks go to the harness directory. */
class DirectoryAuthenticator extends DefaultAuthenticator {
  @Override
  protected Principal getUser(String username) {
    return directory().findUser(username);
  }

  @Override
  protected boolean authenticate(Principal user, String password) {
    return directory().authenticate(user.getName(), password);
  }

  private ProductUserDirectory directory() {
    return ((ProductUserDirectory.Source) getConfig()).productUserDirectory();
  }
}
