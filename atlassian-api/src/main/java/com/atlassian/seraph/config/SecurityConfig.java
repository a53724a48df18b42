package com.atlassian.seraph.config;

import com.atlassian.seraph.SecurityService;
import com.atlassian.seraph.auth.AuthenticationContext;
import com.atlassian.seraph.auth.Authenticator;
import com.atlassian.seraph.auth.RoleMapper;
import com.atlassian.seraph.controller.SecurityController;
import com.atlassian.seraph.elevatedsecurity.ElevatedSecurityGuard;
import com.atlassian.seraph.interceptor.Interceptor;
import com.atlassian.seraph.service.rememberme.RememberMeService;
import java.util.List;

/**
 * Seraph 4.1.4: the parsed {@code seraph-config.xml}. Does not extend {@code Initable}. A host (or
 * a test harness) implements it and publishes it through {@link SecurityConfigFactory}.
 */
public interface SecurityConfig {
  String STORAGE_KEY = "seraph_config";
  String BASIC_AUTH = "basic";

  List<SecurityService> getServices();

  String getLoginURL();

  String getLoginURL(boolean forUserRole, boolean forPageCaps);

  String getLoginForwardPath();

  String getLinkLoginURL();

  String getLogoutURL();

  String getOriginalURLKey();

  List<String> getLoginSubmitURL();

  Authenticator getAuthenticator();

  AuthenticationContext getAuthenticationContext();

  SecurityController getController();

  RoleMapper getRoleMapper();

  ElevatedSecurityGuard getElevatedSecurityGuard();

  RememberMeService getRememberMeService();

  RedirectPolicy getRedirectPolicy();

  <T extends Interceptor> List<T> getInterceptors(Class<T> type);

  void destroy();

  String getLoginCookiePath();

  String getLoginCookieKey();

  String getWebsudoRequestKey();

  boolean isInsecureCookie();

  int getAutoLoginCookieAge();

  String getAuthType();

  boolean isInvalidateSessionOnLogin();

  boolean isInvalidateSessionOnWebsudo();

  List<String> getInvalidateSessionExcludeList();

  List<String> getInvalidateWebsudoSessionExcludeList();
}
