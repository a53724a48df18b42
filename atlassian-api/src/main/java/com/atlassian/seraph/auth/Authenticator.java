package com.atlassian.seraph.auth;

import com.atlassian.seraph.Initable;
import java.security.Principal;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Seraph 4.1.4: the one authenticator named in {@code seraph-config.xml}. No fields: Seraph 2.6's
 * {@code DEFAULT_AUTHENTICATOR} and {@code isUserInRole} are gone in 4.1.4.
 */
public interface Authenticator extends Initable {
  void destroy();

  String getRemoteUser(HttpServletRequest request);

  Principal getUser(HttpServletRequest request);

  Principal getUser(HttpServletRequest request, HttpServletResponse response);

  boolean login(
      HttpServletRequest request, HttpServletResponse response, String username, String password)
      throws AuthenticatorException;

  boolean login(
      HttpServletRequest request,
      HttpServletResponse response,
      String username,
      String password,
      boolean storeCookie)
      throws AuthenticatorException;

  boolean logout(HttpServletRequest request, HttpServletResponse response)
      throws AuthenticatorException;
}
