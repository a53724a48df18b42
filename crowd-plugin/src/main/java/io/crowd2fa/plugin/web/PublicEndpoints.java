package io.crowd2fa.plugin.web;

import io.crowd2fa.plugin.policy.ProductPolicy;
import io.crowd2fa.plugin.status.StatusCheck;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The machine-facing endpoints (JWKS, product policy, status) and the two static files. None of
 * them changes state, and none reveals anything secret.
 */
final class PublicEndpoints {

  private static final Map<String, String> STATIC_FILES =
      Map.of(
          "/static/crowd2fa.css", "text/css",
          "/static/webauthn.js", "text/javascript");

  private final ServiceAssembly service;

  PublicEndpoints(ServiceAssembly service) {
    this.service = service;
  }

  boolean handles(String path) {
    return path.equals("/.well-known/jwks.json")
        || path.equals("/product-policy")
        || path.equals("/status")
        || STATIC_FILES.containsKey(path);
  }

  void handle(String path, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!"GET".equals(request.getMethod())) {
      response.setHeader("Allow", "GET");
      response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
      return;
    }
    switch (path) {
      case "/.well-known/jwks.json" -> {
        // Authenticators cache the keys; five minutes keeps a rotation visible soon.
        response.setHeader("Cache-Control", "public, max-age=300");
        json(response, 200, service.signingKeys().publishedKeys().toString());
      }
      case "/product-policy" -> productPolicy(request, response);
      case "/status" -> {
        StatusCheck.Report report = service.status().check();
        json(response, report.healthy() ? 200 : 503, report.toJson());
      }
      default -> staticFile(path, response);
    }
  }

  private void productPolicy(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String application = new FormInput(request).required("application", 255);
    if (!application.matches("[A-Za-z0-9._-]+")) {
      throw new BadRequestException("application", "not a Crowd application name");
    }
    ProductPolicy policy = service.policy().productPolicy(application);
    json(response, 200, policy.toJson());
  }

  private static void staticFile(String path, HttpServletResponse response) throws IOException {
    try (InputStream in = PublicEndpoints.class.getResourceAsStream(path)) {
      if (in == null) {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
        return;
      }
      response.setHeader("Cache-Control", "public, max-age=3600");
      response.setContentType(STATIC_FILES.get(path));
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      in.transferTo(response.getOutputStream());
    }
  }

  private static void json(HttpServletResponse response, int status, String body)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(body);
  }
}
