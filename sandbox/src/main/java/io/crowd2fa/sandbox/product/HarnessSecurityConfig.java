package io.crowd2fa.sandbox.product;

import com.atlassian.seraph.SecurityService;
import com.atlassian.seraph.auth.AuthenticationContext;
import com.atlassian.seraph.auth.Authenticator;
import com.atlassian.seraph.auth.RoleMapper;
import com.atlassian.seraph.config.RedirectPolicy;
import com.atlassian.seraph.config.SecurityConfig;
import com.atlassian.seraph.controller.SecurityController;
import com.atlassian.seraph.elevatedsecurity.ElevatedSecurityGuard;
import com.atlassian.seraph.interceptor.Interceptor;
import io.crowd2fa.atlassianapi.harness.ProductUserDirectory;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;

/**
 * Seraph's {@code SecurityConfig} for one sample product, built from its {@code seraph-config.xml}
 * with Seraph's defaults for parameters the file leaves out. The authenticator is set once it has
 * been loaded and initialised, as Seraph does while it builds the configuration.
 */
public final class HarnessSecurityConfig implements SecurityConfig, ProductUserDirectory.Source {

  private final SeraphConfigFile file;
  private final ProductDirectory directory;
  private final RememberMeCookies rememberMe;
  private final AuthenticationContext authenticationContext = new ThreadLocalContext();
  private volatile Authenticator authenticator;

  public HarnessSecurityConfig(
      SeraphConfigFile file, ProductDirectory directory, RememberMeCookies rememberMe) {
    this.file = file;
    this.directory = directory;
    this.rememberMe = rememberMe;
  }

  void useAuthenticator(Authenticator authenticator) {
    this.authenticator = authenticator;
  }

  public SeraphConfigFile file() {
    return file;
  }

  @Override
  public ProductDirectory productUserDirectory() {
    return directory;
  }

  @Override
  public List<SecurityService> getServices() {
    return List.of();
  }

  @Override
  public String getLoginURL() {
    return getLoginURL(false, false);
  }

  @Override
  public String getLoginURL(boolean forUserRole, boolean forPageCaps) {
    String url = file.parameter("login.url", "/login.jsp?os_destination=${originalurl}");
    if (!forUserRole) {
      url = url.replace("${userRole}", "");
    }
    if (!forPageCaps) {
      url = url.replace("${pageCaps}", "");
    }
    return url;
  }

  @Override
  public String getLoginForwardPath() {
    return file.parameter("login.forward.path", null);
  }

  @Override
  public String getLinkLoginURL() {
    return file.parameter("link.login.url", getLoginURL());
  }

  @Override
  public String getLogoutURL() {
    return file.parameter("logout.url", null);
  }

  @Override
  public String getOriginalURLKey() {
    return file.parameter("original.url.key", "seraph_originalurl");
  }

  @Override
  public List<String> getLoginSubmitURL() {
    String value = file.parameter("login.submit.url", "");
    return value.isBlank() ? List.of() : List.of(value.split("\\s*,\\s*"));
  }

  @Override
  public Authenticator getAuthenticator() {
    return authenticator;
  }

  @Override
  public AuthenticationContext getAuthenticationContext() {
    return authenticationContext;
  }

  @Override
  public SecurityController getController() {
    return () -> true;
  }

  @Override
  public RoleMapper getRoleMapper() {
    return HarnessRoleMapper.INSTANCE;
  }

  @Override
  public ElevatedSecurityGuard getElevatedSecurityGuard() {
    return AllowingGuard.INSTANCE;
  }

  @Override
  public RememberMeCookies getRememberMeService() {
    return rememberMe;
  }

  @Override
  public RedirectPolicy getRedirectPolicy() {
    return SameContextRedirects.INSTANCE;
  }

  @Override
  public <T extends Interceptor> List<T> getInterceptors(Class<T> type) {
    return List.of();
  }

  @Override
  public void destroy() {
    Authenticator current = authenticator;
    if (current != null) {
      current.destroy();
    }
  }

  @Override
  public String getLoginCookiePath() {
    return file.parameter("login.cookie.path", null);
  }

  @Override
  public String getLoginCookieKey() {
    return file.parameter("login.cookie.key", "seraph.os.cookie");
  }

  @Override
  public String getWebsudoRequestKey() {
    return file.parameter("websudo.request.key", "seraph.websudo.key");
  }

  @Override
  public boolean isInsecureCookie() {
    return Boolean.parseBoolean(file.parameter("insecure.cookie", "false"));
  }

  @Override
  public int getAutoLoginCookieAge() {
    return Integer.parseInt(file.parameter("autologin.cookie.age", "1209600"));
  }

  @Override
  public String getAuthType() {
    return file.parameter("authentication.type", "os_authType");
  }

  @Override
  public boolean isInvalidateSessionOnLogin() {
    return Boolean.parseBoolean(file.parameter("invalidate.session.on.login", "false"));
  }

  @Override
  public boolean isInvalidateSessionOnWebsudo() {
    return false;
  }

  @Override
  public List<String> getInvalidateSessionExcludeList() {
    String value = file.parameter("invalidate.session.exclude.list", "");
    return value.isBlank() ? List.of() : List.of(value.split("\\s*,\\s*"));
  }

  @Override
  public List<String> getInvalidateWebsudoSessionExcludeList() {
    return List.of();
  }

  /** Seraph's AuthenticationContextImpl: the current request's user, per thread. */
  private static final class ThreadLocalContext implements AuthenticationContext {
    private final ThreadLocal<Principal> user = new ThreadLocal<>();

    @Override
    public Principal getUser() {
      return user.get();
    }

    @Override
    public void setUser(Principal principal) {
      user.set(principal);
    }

    @Override
    public void clearUser() {
      user.remove();
    }
  }

  /** No lockout or CAPTCHA in the harness: every elevated security check passes. */
  private enum AllowingGuard implements ElevatedSecurityGuard {
    INSTANCE;

    @Override
    public void init(Map<String, String> params, SecurityConfig config) {}

    @Override
    public boolean performElevatedSecurityCheck(HttpServletRequest request, String userName) {
      return true;
    }

    @Override
    public void onFailedLoginAttempt(HttpServletRequest request, String userName) {}

    @Override
    public void onSuccessfulLoginAttempt(HttpServletRequest request, String userName) {}
  }

  /** Seraph's default policy: only destinations inside this web app. */
  private enum SameContextRedirects implements RedirectPolicy {
    INSTANCE;

    @Override
    public void init(Map<String, String> params, SecurityConfig config) {}

    @Override
    public boolean allowedRedirectDestination(String redirectUrl, HttpServletRequest request) {
      return redirectUrl != null
          && redirectUrl.startsWith(request.getContextPath() + "/")
          && !redirectUrl.startsWith("//")
          && !redirectUrl.contains("\\");
    }
  }
}
