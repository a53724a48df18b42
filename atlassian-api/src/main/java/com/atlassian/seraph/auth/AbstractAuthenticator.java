package com.atlassian.seraph.auth;

import com.atlassian.seraph.config.SecurityConfig;
import java.io.Serializable;
import java.security.Principal;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Seraph 4.1.4: keeps the configuration and derives the convenience overloads. */
public abstract class AbstractAuthenticator implements Authenticator, Serializable {
  private SecurityConfig config;

  @Override
  public void init(Map<String, String> params, SecurityConfig config) {
    this.config = config;
  }

  @Override
  public void destroy() {}

  @Override
  public String getRemoteUser(HttpServletRequest request) {
    Principal user = getUser(request);
    return user == null ? null : user.getName();
  }

  @Override
  public Principal getUser(HttpServletRequest request) {
    return getUser(request, null);
  }

  @Override
  public abstract Principal getUser(HttpServletRequest request, HttpServletResponse response);

  @Override
  public boolean login(
      HttpServletRequest request, HttpServletResponse response, String username, String password)
      throws AuthenticatorException {
    return login(request, response, username, password, false);
  }

  @Override
  public abstract boolean login(
      HttpServletRequest request,
      HttpServletResponse response,
      String username,
      String password,
      boolean storeCookie)
      throws AuthenticatorException;

  @Override
  public abstract boolean logout(HttpServletRequest request, HttpServletResponse response)
      throws AuthenticatorException;

  protected SecurityConfig getConfig() {
    return config;
  }
}
