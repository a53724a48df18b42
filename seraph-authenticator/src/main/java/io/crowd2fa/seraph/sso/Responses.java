package io.crowd2fa.seraph.sso;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** The two answers the authenticator itself gives: a JSON 401 and a redirect to step-up. */
final class Responses {

  private Responses() {}

  static void unauthorised(
      HttpServletResponse response, String error, String loginUrl, String stepUpUrl) {
    response.resetBuffer();
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader(TwoFactorSso.LOGIN_URL_HEADER, loginUrl);
    response.setHeader("WWW-Authenticate", "Crowd2FA realm=\"Crowd2FA\"");
    response.setHeader("Cache-Control", "no-store");
    StringBuilder body =
        new StringBuilder("{\"error\":\"")
            .append(error)
            .append("\",\"loginUrl\":\"")
            .append(jsonEscape(loginUrl))
            .append('"');
    if (stepUpUrl != null) {
      response.setHeader(TwoFactorSso.STEP_UP_URL_HEADER, stepUpUrl);
      body.append(",\"stepUpUrl\":\"").append(jsonEscape(stepUpUrl)).append('"');
    }
    body.append('}');
    response.setContentType("application/json;charset=UTF-8");
    try {
      response.getWriter().write(body.toString());
      response.flushBuffer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void redirect(HttpServletResponse response, String target, String destination) {
    try {
      response.sendRedirect(
          target
              + (target.contains("?") ? "&" : "?")
              + "os_destination="
              + URLEncoder.encode(destination, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The URL the browser asked for, for the service to send it back to (it checks the host). */
  static String originalUrl(HttpServletRequest request) {
    StringBuffer url = request.getRequestURL();
    String query = request.getQueryString();
    return query == null ? url.toString() : url.append('?').append(query).toString();
  }

  private static String jsonEscape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        escaped.append('\\').append(c);
      } else if (c < 0x20) {
        escaped.append(String.format("\\u%04x", (int) c));
      } else {
        escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
