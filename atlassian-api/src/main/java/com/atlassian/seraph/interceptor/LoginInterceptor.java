package com.atlassian.seraph.interceptor;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Seraph 4.1.4: called by the login filter around a password login. */
public interface LoginInterceptor extends Interceptor {
  void beforeLogin(
      HttpServletRequest request,
      HttpServletResponse response,
      String username,
      String password,
      boolean cookieLogin);

  void afterLogin(
      HttpServletRequest request,
      HttpServletResponse response,
      String username,
      String password,
      boolean cookieLogin,
      String loginStatus);
}
