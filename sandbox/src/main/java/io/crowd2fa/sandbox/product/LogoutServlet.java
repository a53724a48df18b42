package io.crowd2fa.sandbox.product;

import com.atlassian.seraph.auth.AuthenticatorException;
import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Seraph's {@code LogoutServlet}: with an absolute {@code logout.url} (an SSO logout page) it calls
 * {@code authenticator.logout} and redirects there; with a relative one it redirects inside the web
 * app and the page there is responsible for the logout; without one it logs out and goes home.
 */
final class LogoutServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final transient HarnessSecurityConfig config;

  LogoutServlet(HarnessSecurityConfig config) {
    this.config = config;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String logoutUrl = config.getLogoutURL();
    if (logoutUrl != null && !logoutUrl.contains("://")) {
      response.sendRedirect(request.getContextPath() + logoutUrl);
      return;
    }
    try {
      config.getAuthenticator().logout(request, response);
    } catch (AuthenticatorException e) {
      throw new ServletException("logout failed", e);
    }
    response.sendRedirect(logoutUrl != null ? logoutUrl : request.getContextPath() + "/");
  }
}
