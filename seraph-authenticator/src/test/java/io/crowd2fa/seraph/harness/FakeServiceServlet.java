package io.crowd2fa.seraph.harness;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The two documents the authenticator reads from the 2FA service, mounted in the Crowd stand-in at
 * {@code /plugins/servlet/2fa/*}: the JWKS and the product policy (one per application).
 */
final class FakeServiceServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final transient String jwks;
  private final transient Map<String, String> policies = new ConcurrentHashMap<>();

  FakeServiceServlet(String jwks) {
    this.jwks = jwks;
  }

  void policy(String application, String json) {
    policies.put(application, json);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getPathInfo();
    String body =
        "/.well-known/jwks.json".equals(path)
            ? jwks
            : "/product-policy".equals(path)
                ? policies.get(request.getParameter("application"))
                : null;
    if (body == null) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType("application/json");
    response.getWriter().write(body);
  }
}
