package io.crowd2fa.sandbox.product;

import java.io.IOException;
import java.security.Principal;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The sample product's pages. Every protected answer carries {@link #PROTECTED_MARKER} so tests can
 * tell for certain whether protected content was served.
 */
final class SamplePages extends HttpServlet {

  /** Present in every protected page and REST answer, never anywhere else. */
  static final String PROTECTED_MARKER = "crowd2fa-sample-protected-content";

  private static final long serialVersionUID = 1L;

  private final ProductFlavour flavour;

  SamplePages(ProductFlavour flavour) {
    this.flavour = flavour;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    Principal user = request.getUserPrincipal();
    response.setHeader("Cache-Control", "no-store");
    if (path.equals(flavour.userPage())) {
      html(response, "Dashboard", "<p id=\"user\">Signed in as " + name(user) + "</p>", true);
    } else if (path.equals(flavour.adminPage())) {
      html(
          response, "Administration", "<p id=\"admin\">Administrator " + name(user) + "</p>", true);
    } else if (path.equals(flavour.restEndpoint())) {
      response.setContentType("application/json;charset=UTF-8");
      response
          .getWriter()
          .write(
              "{\"name\":\""
                  + (user == null ? "" : escape(user.getName()))
                  + "\",\"marker\":\""
                  + PROTECTED_MARKER
                  + "\"}");
    } else if (path.equals(flavour.loginPage())) {
      loginForm(request, response);
    } else if (path.startsWith(flavour.staticPrefix() + "/")) {
      response.setContentType("text/css;charset=UTF-8");
      response.getWriter().write("/* static resource */");
    } else {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
  }

  private void loginForm(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object status = request.getAttribute(LoginFilter.AUTH_STATUS);
    String message =
        status == null ? "" : "<p id=\"status\">Login " + escape(String.valueOf(status)) + "</p>";
    html(
        response,
        "Log in",
        message
            + "<form method=\"post\" action=\""
            + escape(request.getContextPath() + flavour.loginPage())
            + "\"><input name=\"os_username\"><input name=\"os_password\" type=\"password\">"
            + "<button>Log in</button></form>",
        false);
  }

  private static void html(
      HttpServletResponse response, String title, String body, boolean protectedContent)
      throws IOException {
    response.setContentType("text/html;charset=UTF-8");
    response
        .getWriter()
        .write(
            "<!doctype html><html><head><title>"
                + title
                + "</title></head><body><h1>"
                + title
                + "</h1>"
                + body
                + (protectedContent ? "<!-- " + PROTECTED_MARKER + " -->" : "")
                + "</body></html>");
  }

  private static String name(Principal user) {
    return user == null ? "(nobody)" : escape(user.getName());
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
