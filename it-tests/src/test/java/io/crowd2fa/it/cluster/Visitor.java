package io.crowd2fa.it.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a screen: keeps cookies (host-only {@code localhost} cookies go to every port,
 * as in a browser), follows no redirects, and reads form fields out of the service's pages. It
 * talks to whichever node a test names, like a user behind a load balancer that switched nodes.
 */
final class Visitor {

  private static final Pattern CSRF = Pattern.compile("name=\"crowd2fa_csrf\" value=\"([^\"]+)\"");
  private static final Pattern KEY = Pattern.compile("<p class=\"key\">([A-Z2-7 =]+)</p>");
  private static final Pattern CREDENTIAL =
      Pattern.compile("name=\"credential\" value=\"([^\"]+)\"");

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final Map<String, String> cookies = new ConcurrentHashMap<>();
  private volatile String lastCsrf;

  HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return remember(http.send(request(url).GET().build(), HttpResponse.BodyHandlers.ofString()));
  }

  /** Posts a form of the service, adding the CSRF token of the last page seen. */
  HttpResponse<String> post(String url, Map<String, String> fields)
      throws IOException, InterruptedException {
    Map<String, String> form = new LinkedHashMap<>(fields);
    form.put("crowd2fa_csrf", lastCsrf);
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return remember(
        http.send(
            request(url)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString()));
  }

  Optional<String> cookie(String name) {
    return Optional.ofNullable(cookies.get(name));
  }

  static String totpKey(HttpResponse<String> page) {
    return field(KEY, page);
  }

  static String credential(HttpResponse<String> page) {
    return field(CREDENTIAL, page);
  }

  private static String field(Pattern pattern, HttpResponse<String> page) {
    Matcher matcher = pattern.matcher(page.body());
    if (!matcher.find()) {
      throw new AssertionError("no " + pattern + " in " + page.uri() + ":\n" + page.body());
    }
    return matcher.group(1).trim();
  }

  private HttpRequest.Builder request(String url) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url));
    if (!cookies.isEmpty()) {
      builder.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; ")));
    }
    return builder;
  }

  private HttpResponse<String> remember(HttpResponse<String> response) {
    for (String header : response.headers().allValues("Set-Cookie")) {
      String pair = header.split(";", 2)[0];
      int equals = pair.indexOf('=');
      String name = pair.substring(0, equals).trim();
      String value = pair.substring(equals + 1).trim();
      if (value.isEmpty() || header.toLowerCase(Locale.ROOT).contains("max-age=0")) {
        cookies.remove(name);
      } else {
        cookies.put(name, value);
      }
    }
    Matcher csrf = CSRF.matcher(response.body());
    if (csrf.find()) {
      lastCsrf = csrf.group(1);
    }
    return response;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
  }
}
