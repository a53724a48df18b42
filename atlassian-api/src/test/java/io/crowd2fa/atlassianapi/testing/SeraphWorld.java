package io.crowd2fa.atlassianapi.testing;

import com.atlassian.seraph.SecurityService;
import com.atlassian.seraph.auth.AuthenticationContext;
import com.atlassian.seraph.auth.Authenticator;
import com.atlassian.seraph.auth.RoleMapper;
import com.atlassian.seraph.config.RedirectPolicy;
import com.atlassian.seraph.config.SecurityConfig;
import com.atlassian.seraph.controller.SecurityController;
import com.atlassian.seraph.elevatedsecurity.ElevatedSecurityGuard;
import com.atlassian.seraph.interceptor.Interceptor;
import com.atlassian.seraph.interceptor.LogoutInterceptor;
import com.atlassian.seraph.service.rememberme.RememberMeService;
import io.crowd2fa.atlassianapi.harness.DirectoryUnavailableException;
import io.crowd2fa.atlassianapi.harness.ProductUserDirectory;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * One product's Seraph surroundings for tests: the configuration, a user directory, the role
 * mapper, remember-me service, elevated-security guard and a logout interceptor, all recording what
 * they are asked in one ordered {@link #events()} log.
 */
public final class SeraphWorld implements SecurityConfig, ProductUserDirectory.Source {
  public static final String AUTH_TYPE_PARAMETER = "os_authType";

  private final List<String> events = new ArrayList<>();
  private final Map<String, String> passwords = new HashMap<>();
  private final Set<String> mayLogIn = new HashSet<>();
  private final List<String> invalidateExcludeList = new ArrayList<>();
  private boolean directoryReachable = true;
  private boolean guardAllows = true;
  private boolean invalidateSessionOnLogin;
  private String rememberedUser;

  /** Adds a user who may log in to the product. */
  public SeraphWorld user(String name, String password) {
    passwords.put(name, password);
    mayLogIn.add(name);
    return this;
  }

  /** Adds a user with a valid password whom the role mapper refuses. */
  public SeraphWorld userWithoutLoginPermission(String name, String password) {
    passwords.put(name, password);
    return this;
  }

  public SeraphWorld removeUser(String name) {
    passwords.remove(name);
    mayLogIn.remove(name);
    return this;
  }

  public SeraphWorld directoryUnreachable() {
    directoryReachable = false;
    return this;
  }

  public SeraphWorld guardDenies() {
    guardAllows = false;
    return this;
  }

  public SeraphWorld rememberMeCookieFor(String username) {
    rememberedUser = username;
    return this;
  }

  public SeraphWorld invalidateSessionOnLogin(String... excluded) {
    invalidateSessionOnLogin = true;
    invalidateExcludeList.addAll(List.of(excluded));
    return this;
  }

  public List<String> events() {
    return List.copyOf(events);
  }

  @Override
  public ProductUserDirectory productUserDirectory() {
    return new ProductUserDirectory() {
      @Override
      public Principal findUser(String username) {
        checkReachable();
        return passwords.containsKey(username) ? new NamedPrincipal(username) : null;
      }

      @Override
      public boolean authenticate(String username, String password) {
        checkReachable();
        events.add("directory.authenticate:" + username);
        return password != null && password.equals(passwords.get(username));
      }
    };
  }

  private void checkReachable() {
    if (!directoryReachable) {
      throw new DirectoryUnavailableException("directory down", new java.io.IOException("refused"));
    }
  }

  @Override
  public RoleMapper getRoleMapper() {
    return new RoleMapper() {
      @Override
      public boolean hasRole(Principal user, HttpServletRequest request, String role) {
        return false;
      }

      @Override
      public boolean canLogin(Principal user, HttpServletRequest request) {
        return user != null && mayLogIn.contains(user.getName());
      }

      @Override
      public void init(Map<String, String> params, SecurityConfig config) {}
    };
  }

  @Override
  public RememberMeService getRememberMeService() {
    return new RememberMeService() {
      @Override
      public String getRememberMeCookieAuthenticatedUsername(
          HttpServletRequest request, HttpServletResponse response) {
        events.add("rememberMe.read");
        return rememberedUser;
      }

      @Override
      public void addRememberMeCookie(
          HttpServletRequest request, HttpServletResponse response, String username) {
        events.add("rememberMe.add:" + username);
      }

      @Override
      public void removeRememberMeCookie(HttpServletRequest request, HttpServletResponse response) {
        events.add("rememberMe.remove");
      }
    };
  }

  @Override
  public ElevatedSecurityGuard getElevatedSecurityGuard() {
    return new ElevatedSecurityGuard() {
      @Override
      public boolean performElevatedSecurityCheck(HttpServletRequest request, String userName) {
        return guardAllows;
      }

      @Override
      public void onFailedLoginAttempt(HttpServletRequest request, String userName) {
        events.add("guard.failed:" + userName);
      }

      @Override
      public void onSuccessfulLoginAttempt(HttpServletRequest request, String userName) {
        events.add("guard.succeeded:" + userName);
      }

      @Override
      public void init(Map<String, String> params, SecurityConfig config) {}
    };
  }

  @Override
  public <T extends Interceptor> List<T> getInterceptors(Class<T> type) {
    if (type != LogoutInterceptor.class) {
      return List.of();
    }
    LogoutInterceptor interceptor =
        new LogoutInterceptor() {
          @Override
          public void beforeLogout(HttpServletRequest request, HttpServletResponse response) {
            events.add("beforeLogout");
          }

          @Override
          public void afterLogout(HttpServletRequest request, HttpServletResponse response) {
            events.add("afterLogout");
          }

          @Override
          public void destroy() {}

          @Override
          public void init(Map<String, String> params, SecurityConfig config) {}
        };
    return List.of(type.cast(interceptor));
  }

  @Override
  public String getAuthType() {
    return AUTH_TYPE_PARAMETER;
  }

  @Override
  public boolean isInvalidateSessionOnLogin() {
    return invalidateSessionOnLogin;
  }

  @Override
  public List<String> getInvalidateSessionExcludeList() {
    return List.copyOf(invalidateExcludeList);
  }

  // The rest of seraph-config.xml does not matter to an authenticator's tests.

  @Override
  public List<SecurityService> getServices() {
    return List.of();
  }

  @Override
  public String getLoginURL() {
    return "/login.jsp?os_destination=${originalurl}";
  }

  @Override
  public String getLoginURL(boolean forUserRole, boolean forPageCaps) {
    return getLoginURL();
  }

  @Override
  public String getLoginForwardPath() {
    return null;
  }

  @Override
  public String getLinkLoginURL() {
    return "/login.jsp";
  }

  @Override
  public String getLogoutURL() {
    return "/logout";
  }

  @Override
  public String getOriginalURLKey() {
    return "seraph_originalurl";
  }

  @Override
  public List<String> getLoginSubmitURL() {
    return List.of();
  }

  @Override
  public Authenticator getAuthenticator() {
    return null;
  }

  @Override
  public AuthenticationContext getAuthenticationContext() {
    return null;
  }

  @Override
  public SecurityController getController() {
    return () -> true;
  }

  @Override
  public RedirectPolicy getRedirectPolicy() {
    return null;
  }

  @Override
  public void destroy() {}

  @Override
  public String getLoginCookiePath() {
    return "/";
  }

  @Override
  public String getLoginCookieKey() {
    return "seraph.os.cookie";
  }

  @Override
  public String getWebsudoRequestKey() {
    return "seraph.websudo.key";
  }

  @Override
  public boolean isInsecureCookie() {
    return false;
  }

  @Override
  public int getAutoLoginCookieAge() {
    return 1_209_600;
  }

  @Override
  public boolean isInvalidateSessionOnWebsudo() {
    return false;
  }

  @Override
  public List<String> getInvalidateWebsudoSessionExcludeList() {
    return List.of();
  }

  /** A directory user. */
  public record NamedPrincipal(String name) implements Principal {
    @Override
    public String getName() {
      return name;
    }
  }
}
