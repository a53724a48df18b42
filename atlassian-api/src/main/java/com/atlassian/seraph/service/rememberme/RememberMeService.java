package com.atlassian.seraph.service.rememberme;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Seraph 4.1.4: the product's remember-me cookie store. Does not extend {@code Initable}. */
public interface RememberMeService {
  String getRememberMeCookieAuthenticatedUsername(
      HttpServletRequest request, HttpServletResponse response);

  void addRememberMeCookie(
      HttpServletRequest request, HttpServletResponse response, String authenticatedUsername);

  void removeRememberMeCookie(HttpServletRequest request, HttpServletResponse response);
}
