package com.atlassian.seraph.interceptor;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Seraph 4.1.4: called by {@code DefaultAuthenticator.logout} around the logout. */
public interface LogoutInterceptor extends Interceptor {
  void beforeLogout(HttpServletRequest request, HttpServletResponse response);

  void afterLogout(HttpServletRequest request, HttpServletResponse response);
}
