package io.crowd2fa.sandbox.product;

import com.atlassian.seraph.auth.AuthenticationContextAwareAuthenticator;
import com.atlassian.seraph.auth.Authenticator;
import com.atlassian.seraph.auth.AuthenticatorException;
import com.atlassian.seraph.auth.LoginReason;
import java.io.IOException;
import java.security.Principal;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;

/**
 * Seraph's {@code LoginFilter} ({@code PasswordBasedLoginFilter}): a request carrying {@code
 * os_username} and {@code os_password} in a POST body is a password login through {@code
 * authenticator.login}; the outcome is left in {@code os_authstatus}. It also wraps the request so
 * that {@code getUserPrincipal()} answers from Seraph (from the authentication context for
 * authenticators annotated {@link AuthenticationContextAwareAuthenticator}).
 */
final class LoginFilter implements Filter {

  static final String AUTH_STATUS = "os_authstatus";

  private final HarnessSecurityConfig config;

  LoginFilter(HarnessSecurityConfig config) {
    this.config = config;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = new SeraphRequest((HttpServletRequest) req);
    HttpServletResponse response = (HttpServletResponse) resp;
    String username = request.getParameter("os_username");
    String password = request.getParameter("os_password");
    // Passwords in a query string are refused, as Seraph does unless told otherwise.
    if ("POST".equals(request.getMethod()) && username != null && password != null) {
      String status = login(request, response, username, password);
      request.setAttribute(AUTH_STATUS, status);
      if ("success".equals(status)) {
        String destination = request.getParameter("os_destination");
        if (destination != null
            && config.getRedirectPolicy().allowedRedirectDestination(destination, request)) {
          response.sendRedirect(destination);
          return;
        }
      }
    }
    chain.doFilter(request, response);
  }

  private String login(
      HttpServletRequest request, HttpServletResponse response, String user, String password) {
    try {
      boolean ok = config.getAuthenticator().login(request, response, user, password, false);
      if (ok) {
        LoginReason.OK.stampRequestResponse(request, response);
        return "success";
      }
      LoginReason.AUTHENTICATED_FAILED.stampRequestResponse(request, response);
      return "failed";
    } catch (AuthenticatorException e) {
      request.setAttribute("auth_error_type", e.getErrorType());
      return "error";
    }
  }

  /** Seraph's BaseLoginFilter request wrapper. */
  private final class SeraphRequest extends HttpServletRequestWrapper {
    SeraphRequest(HttpServletRequest request) {
      super(request);
    }

    @Override
    public Principal getUserPrincipal() {
      Authenticator authenticator = config.getAuthenticator();
      if (authenticator
          .getClass()
          .isAnnotationPresent(AuthenticationContextAwareAuthenticator.class)) {
        return config.getAuthenticationContext().getUser();
      }
      return authenticator.getUser((HttpServletRequest) getRequest());
    }

    @Override
    public String getRemoteUser() {
      Principal user = getUserPrincipal();
      return user == null ? null : user.getName();
    }
  }
}
