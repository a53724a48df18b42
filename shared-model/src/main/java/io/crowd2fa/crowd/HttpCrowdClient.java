package io.crowd2fa.crowd;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/** {@link CrowdClient} on the JDK {@link HttpClient}. */
final class HttpCrowdClient implements CrowdClient {

  private static final String JSON = "application/json";

  /** Set by Crowd's REST filter on every answer, errors included; Atlassian's client checks it. */
  static final String CROWD_VERSION_HEADER = "X-Embedded-Crowd-Version";

  private final CrowdClientConfig config;
  private final HttpClient http;
  private final URI restBase;
  private final String authorization;
  private final Semaphore connections;
  private final Optional<String> proxyAuthorization;

  HttpCrowdClient(CrowdClientConfig config) {
    this(config, defaultTls());
  }

  /**
   * @param tls decides which Crowd certificates are trusted; tests pass one that trusts their own
   *     certificate instead of changing the JVM-wide default
   */
  HttpCrowdClient(CrowdClientConfig config, SSLContext tls) {
    this.config = Objects.requireNonNull(config, "config");
    // CrowdProperties refuses this already, naming the file; a config built in code is held to
    // the same rule rather than failing with a 407 at the first login.
    JdkProxyAuthentication.requireUsable(config, "a CrowdClientConfig built in code");
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .sslContext(Objects.requireNonNull(tls, "tls"))
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            // Callers block in send(): running completions on the client's selector thread saves a
            // thread hand-off per call (about a quarter of the CPU per validation, measured with
            // ValidationLoadRun) and starts no pool threads inside a product's web app.
            .executor(Runnable::run);
    if (!config.httpTimeout().isZero()) {
      builder.connectTimeout(config.httpTimeout());
    }
    config
        .proxy()
        .ifPresent(
            proxy ->
                builder.proxy(
                    ProxySelector.of(
                        // Unresolved: a proxy name is looked up per connection, not once at start.
                        InetSocketAddress.createUnresolved(proxy.host(), proxy.port()))));
    this.http = builder.build();
    this.proxyAuthorization = config.proxy().flatMap(HttpCrowdClient::proxyAuthorization);
    this.restBase = config.restBaseUrl();
    String credentials = config.applicationName() + ":" + config.applicationPassword().value();
    this.authorization =
        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    this.connections = new Semaphore(config.httpMaxConnections());
  }

  private static SSLContext defaultTls() {
    try {
      return SSLContext.getDefault();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no default TLS context", e);
    }
  }

  /**
   * Sent with every call rather than after a 407: the JDK only answers a proxy challenge through an
   * {@code Authenticator}, which would also answer (and, without a challenge header, fail on)
   * Crowd's own 401s. For an HTTPS Crowd URL the JDK copies this header onto the tunnel's {@code
   * CONNECT} only when {@code jdk.http.auth.tunneling.disabledSchemes} does not list Basic, which
   * {@link JdkProxyAuthentication} checks up front; an {@code Authenticator} is refused Basic for
   * tunnels by the same property, so it would not help.
   */
  private static Optional<String> proxyAuthorization(HttpProxy proxy) {
    return proxy
        .username()
        .map(
            user ->
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(
                            (user + ":" + proxy.password().orElseThrow().value())
                                .getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public CrowdClientConfig config() {
    return config;
  }

  @Override
  public CrowdResult<CrowdUser> authenticate(String username, Password password) {
    requireText(username, "username");
    Objects.requireNonNull(password, "password");
    Call call =
        new Call("POST", "authentication", query("username", username), "POST /authentication");
    return expect(send(call, CrowdJson.passwordValue(password)), call, CrowdJson::user);
  }

  @Override
  public CrowdResult<CrowdSession> createSession(SessionRequest request) {
    Objects.requireNonNull(request, "request");
    StringJoiner query = new StringJoiner("&");
    query.add("validate-password=" + request.validatePassword());
    query.add("expand=user");
    request.duration().ifPresent(duration -> query.add("duration=" + duration.toSeconds()));
    Call call = new Call("POST", "session", query.toString(), "POST /session");
    return expect(send(call, CrowdJson.authenticationContext(request)), call, CrowdJson::session);
  }

  @Override
  public CrowdResult<CrowdSession> validateSession(
      SsoToken token, ValidationFactors validationFactors) {
    Objects.requireNonNull(validationFactors, "validationFactors");
    Call call = new Call("POST", sessionPath(token), "expand=user", "POST /session/{token}");
    return expect(
        send(call, CrowdJson.validationFactors(validationFactors)), call, CrowdJson::session);
  }

  @Override
  public CrowdResult<CrowdSession> getSession(SsoToken token, boolean expandUser) {
    Call call =
        new Call(
            "GET", sessionPath(token), expandUser ? "expand=user" : "", "GET /session/{token}");
    return expect(send(call, null), call, CrowdJson::session);
  }

  @Override
  public void invalidateSession(SsoToken token) {
    Call call = new Call("DELETE", sessionPath(token), "", "DELETE /session/{token}");
    expectNoContent(send(call, null), call);
  }

  @Override
  public void invalidateSessionsOfUser(String username, Optional<SsoToken> exclude) {
    requireText(username, "username");
    Objects.requireNonNull(exclude, "exclude");
    StringJoiner query = new StringJoiner("&");
    query.add(query("username", username));
    exclude.ifPresent(token -> query.add(query("exclude", token.value())));
    Call call = new Call("DELETE", "session", query.toString(), "DELETE /session?username=");
    Response response = send(call, null);
    if (response.status() == 405) {
      throw new CrowdProtocolException(
          "Crowd does not support " + call.label() + " (HTTP 405): upgrade Crowd", 405);
    }
    if (response.isSuccess()) {
      return;
    }
    CrowdResult<Object> refused = rejection(response, call);
    // A user Crowd does not know (its 404) has no sessions left to end: nothing failed.
    if (refused.reasonOrNull() != ErrorReason.USER_NOT_FOUND) {
      refused.orElseThrow();
    }
  }

  @Override
  public CrowdResult<CrowdUser> getUser(String username) {
    requireText(username, "username");
    Call call = new Call("GET", "user", query("username", username), "GET /user");
    return expect(send(call, null), call, CrowdJson::user);
  }

  @Override
  public CrowdResult<List<String>> getNestedGroupNames(String username) {
    return groupNames(username, "user/group/nested");
  }

  @Override
  public CrowdResult<List<String>> getDirectGroupNames(String username) {
    return groupNames(username, "user/group/direct");
  }

  @Override
  public CookieConfiguration getCookieConfiguration() {
    Call call = new Call("GET", "config/cookie", "", "GET /config/cookie");
    CrowdResult<CookieConfiguration> result =
        expect(send(call, null), call, CrowdJson::cookieConfiguration);
    if (result instanceof CrowdResult.Rejected<CookieConfiguration> rejected) {
      throw new CrowdProtocolException(
          "Crowd refused " + call.label() + " with " + rejected.reason(), 0);
    }
    return result.orElseThrow();
  }

  @Override
  public String toString() {
    return "CrowdClient[application="
        + config.applicationName()
        + ", crowd="
        + config.baseUrl()
        + "]";
  }

  private CrowdResult<List<String>> groupNames(String username, String path) {
    requireText(username, "username");
    String label = "GET /" + path;
    return GroupPaging.readAll(
        (startIndex, maxResults) -> {
          String paging = "&start-index=" + startIndex + "&max-results=" + maxResults;
          Call call = new Call("GET", path, query("username", username) + paging, label);
          return expect(send(call, null), call, CrowdJson::groupNames);
        },
        label);
  }

  /** Interprets a JSON answer: the entity on 2xx, a typed rejection, or a fault. */
  private <T> CrowdResult<T> expect(
      Response response, Call call, Function<Map<String, Object>, T> entity) {
    if (response.isSuccess()) {
      try {
        return CrowdResult.ok(entity.apply(CrowdJson.readObject(response.body())));
      } catch (IOException notJson) {
        // The parser's message may quote the body, which can hold a token: it is not repeated.
        throw new CrowdProtocolException(
            "Crowd answered " + call.label() + " with a body that is not a JSON object",
            response.status(),
            notJson);
      } catch (RuntimeException badEntity) {
        throw new CrowdProtocolException(
            "Crowd answered "
                + call.label()
                + " with an unreadable entity: "
                + badEntity.getMessage(),
            response.status(),
            badEntity);
      }
    }
    return rejection(response, call);
  }

  private void expectNoContent(Response response, Call call) {
    if (!response.isSuccess()) {
      rejection(response, call).orElseThrow();
    }
  }

  private <T> CrowdResult<T> rejection(Response response, Call call) {
    int status = response.status();
    Optional<Map.Entry<String, String>> error = CrowdJson.error(response.body());
    if (status == 401 || (status == 403 && isApplicationRefusal(error))) {
      throw new CrowdApplicationAuthenticationException(
          "Crowd refused application '"
              + config.applicationName()
              + "' (HTTP "
              + status
              + ") on "
              + call.label()
              + ": check application.name, application.password and the application's allowed"
              + " remote addresses in Crowd",
          status);
    }
    if (error.isEmpty()) {
      throw new CrowdProtocolException(
          "Crowd answered "
              + call.label()
              + " with HTTP "
              + status
              + " and no error entity"
              + (response.fromCrowdRest()
                  ? ""
                  : " and without "
                      + CROWD_VERSION_HEADER
                      + ": "
                      + config.restBaseUrl()
                      + " does not look like Crowd's REST API (check crowd.base.url)"),
          status);
    }
    String rawReason = error.get().getKey();
    ErrorReason reason =
        ErrorReason.parse(rawReason)
            .orElseThrow(
                () ->
                    new CrowdProtocolException(
                        "Crowd answered " + call.label() + " with unknown reason " + rawReason,
                        status));
    if (reason == ErrorReason.OPERATION_FAILED) {
      throw new CrowdProtocolException(
          "Crowd failed " + call.label() + " (OPERATION_FAILED, HTTP " + status + ")", status);
    }
    return CrowdResult.rejected(reason, error.get().getValue());
  }

  private static boolean isApplicationRefusal(Optional<Map.Entry<String, String>> error) {
    return error.isEmpty()
        || ErrorReason.parse(error.get().getKey())
            .filter(reason -> reason == ErrorReason.APPLICATION_PERMISSION_DENIED)
            .isPresent();
  }

  private Response send(Call call, String jsonBody) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(call.uri(restBase))
            .header("Authorization", authorization)
            .header("Accept", JSON);
    proxyAuthorization.ifPresent(value -> request.header("Proxy-Authorization", value));
    if (!config.socketTimeout().isZero()) {
      request.timeout(config.socketTimeout());
    }
    if (jsonBody == null) {
      request.method(call.method(), HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", JSON)
          .method(call.method(), HttpRequest.BodyPublishers.ofString(jsonBody));
    }
    acquireConnection(call);
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() == 407) {
        throw proxyRefused(call, response);
      }
      // The JDK hands a proxy's refusal of a CONNECT back as a response without a body (null).
      return new Response(
          response.statusCode(),
          Objects.requireNonNullElse(response.body(), ""),
          response.headers().firstValue(CROWD_VERSION_HEADER).isPresent());
    } catch (HttpConnectTimeoutException e) {
      throw unreachable(
          call, "connect timed out after " + config.httpTimeout().toMillis() + " ms", true, e);
    } catch (HttpTimeoutException e) {
      throw unreachable(
          call, "no answer within " + config.socketTimeout().toMillis() + " ms", true, e);
    } catch (ConnectException e) {
      throw unreachable(call, "connection refused", false, e);
    } catch (IOException e) {
      throw unreachable(call, "I/O failure: " + e.getClass().getSimpleName(), false, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unreachable(call, "interrupted", false, e);
    } finally {
      connections.release();
    }
  }

  /** Honours {@code http.max.connections}: waits at most the connect timeout for a free slot. */
  private void acquireConnection(Call call) {
    try {
      boolean acquired =
          config.httpTimeout().isZero()
              ? acquireWithoutLimit()
              : connections.tryAcquire(config.httpTimeout().toMillis(), TimeUnit.MILLISECONDS);
      if (!acquired) {
        throw unreachable(
            call,
            "all " + config.httpMaxConnections() + " connections busy for " + config.httpTimeout(),
            true,
            null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unreachable(call, "interrupted", false, e);
    }
  }

  private boolean acquireWithoutLimit() throws InterruptedException {
    connections.acquire();
    return true;
  }

  private CrowdUnreachableException unreachable(
      Call call, String what, boolean timedOut, Throwable cause) {
    return new CrowdUnreachableException(
        "Crowd at " + config.baseUrl() + " unreachable on " + call.label() + ": " + what,
        timedOut,
        cause);
  }

  /**
   * Only the proxy answers 407; Crowd never saw the call. The message names the keys to fix and the
   * schemes the proxy offers, never a credential.
   */
  private CrowdProxyAuthenticationException proxyRefused(Call call, HttpResponse<String> response) {
    String proxy =
        config
            .proxy()
            .map(p -> "HTTP proxy " + p.host() + ":" + p.port())
            .orElse("an HTTP proxy (none configured in " + CrowdProperties.HTTP_PROXY_HOST + ")");
    List<String> schemes =
        response.headers().allValues("Proxy-Authenticate").stream()
            .map(challenge -> challenge.trim().split("\\s+", 2)[0])
            .distinct()
            .toList();
    String credentials =
        config.proxy().flatMap(HttpProxy::username).isPresent()
            ? "it refused the configured "
                + CrowdProperties.HTTP_PROXY_USERNAME
                + " / "
                + CrowdProperties.HTTP_PROXY_PASSWORD
                + " (wrong credentials, or a scheme other than Basic)"
            : "set "
                + CrowdProperties.HTTP_PROXY_USERNAME
                + " and "
                + CrowdProperties.HTTP_PROXY_PASSWORD;
    return new CrowdProxyAuthenticationException(
        "The "
            + proxy
            + " refused "
            + call.label()
            + " to Crowd at "
            + config.baseUrl()
            + " with HTTP 407 Proxy Authentication Required"
            + (schemes.isEmpty() ? "" : " (it asks for " + String.join(", ", schemes) + ")")
            + ": "
            + credentials);
  }

  private static String sessionPath(SsoToken token) {
    Objects.requireNonNull(token, "token");
    return "session/" + encode(token.value()).replace("+", "%20");
  }

  private static String query(String name, String value) {
    return name + "=" + encode(value);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  /**
   * One REST call. {@code label} names it in messages: it is the path template, so a token in the
   * path never reaches a message.
   */
  private record Call(String method, String path, String query, String label) {
    URI uri(URI restBase) {
      return restBase.resolve(query.isEmpty() ? path : path + "?" + query);
    }
  }

  /** {@code fromCrowdRest}: the answer carries {@value #CROWD_VERSION_HEADER}. */
  private record Response(int status, String body, boolean fromCrowdRest) {
    boolean isSuccess() {
      return status >= 200 && status < 300;
    }
  }
}
