package io.crowd2fa.crowd;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the client needs from {@code crowd.properties} (see {@link CrowdProperties}).
 *
 * @param applicationName {@code application.name}
 * @param applicationPassword {@code application.password}
 * @param baseUrl Crowd's base URL without trailing slash, e.g. {@code http://localhost:8095/crowd}
 *     ({@code crowd.base.url}, or derived from {@code crowd.server.url} as Crowd's client does)
 * @param applicationLoginUrl {@code application.login.url}, if set
 * @param cookieTokenKey {@code cookie.tokenkey}, default {@code crowd.token_key}
 * @param cookieDomain {@code cookie.domain}, if set (overrides Crowd's SSO domain)
 * @param sessionValidationInterval {@code session.validationinterval} (minutes in the file); zero
 *     means validate at Crowd on every request
 * @param httpTimeout {@code http.timeout}: connect timeout; zero means none
 * @param socketTimeout {@code socket.timeout}: time to wait for Crowd's answer; zero means none
 * @param httpMaxConnections {@code http.max.connections}: most calls in flight at once
 */
public record CrowdClientConfig(
    String applicationName,
    Password applicationPassword,
    URI baseUrl,
    Optional<URI> applicationLoginUrl,
    String cookieTokenKey,
    Optional<String> cookieDomain,
    Duration sessionValidationInterval,
    Duration httpTimeout,
    Duration socketTimeout,
    int httpMaxConnections,
    Optional<HttpProxy> proxy) {

  public static final String DEFAULT_COOKIE_TOKEN_KEY = "crowd.token_key";
  public static final Duration DEFAULT_SESSION_VALIDATION_INTERVAL = Duration.ZERO;
  public static final Duration DEFAULT_HTTP_TIMEOUT = Duration.ofMillis(5_000);
  public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofMillis(20_000);
  public static final int DEFAULT_HTTP_MAX_CONNECTIONS = 20;

  public CrowdClientConfig {
    if (applicationName == null || applicationName.isBlank()) {
      throw new IllegalArgumentException("application name must not be blank");
    }
    Objects.requireNonNull(applicationPassword, "applicationPassword");
    baseUrl = withoutTrailingSlash(Objects.requireNonNull(baseUrl, "baseUrl"));
    Objects.requireNonNull(applicationLoginUrl, "applicationLoginUrl");
    if (cookieTokenKey == null || cookieTokenKey.isBlank()) {
      throw new IllegalArgumentException("cookie token key must not be blank");
    }
    Objects.requireNonNull(cookieDomain, "cookieDomain");
    requireNotNegative(sessionValidationInterval, "sessionValidationInterval");
    requireNotNegative(httpTimeout, "httpTimeout");
    requireNotNegative(socketTimeout, "socketTimeout");
    if (httpMaxConnections < 1) {
      throw new IllegalArgumentException("httpMaxConnections must be positive");
    }
    Objects.requireNonNull(proxy, "proxy");
  }

  /** A configuration with Crowd's documented defaults for everything but the three essentials. */
  public static CrowdClientConfig of(URI baseUrl, String applicationName, Password password) {
    return new CrowdClientConfig(
        applicationName,
        password,
        baseUrl,
        Optional.empty(),
        DEFAULT_COOKIE_TOKEN_KEY,
        Optional.empty(),
        DEFAULT_SESSION_VALIDATION_INTERVAL,
        DEFAULT_HTTP_TIMEOUT,
        DEFAULT_SOCKET_TIMEOUT,
        DEFAULT_HTTP_MAX_CONNECTIONS,
        Optional.empty());
  }

  /** A copy with other connect and answer timeouts. */
  public CrowdClientConfig withTimeouts(Duration connect, Duration answer) {
    return new CrowdClientConfig(
        applicationName,
        applicationPassword,
        baseUrl,
        applicationLoginUrl,
        cookieTokenKey,
        cookieDomain,
        sessionValidationInterval,
        connect,
        answer,
        httpMaxConnections,
        proxy);
  }

  /** A copy allowing at most {@code maxConnections} calls in flight. */
  public CrowdClientConfig withHttpMaxConnections(int maxConnections) {
    return new CrowdClientConfig(
        applicationName,
        applicationPassword,
        baseUrl,
        applicationLoginUrl,
        cookieTokenKey,
        cookieDomain,
        sessionValidationInterval,
        httpTimeout,
        socketTimeout,
        maxConnections,
        proxy);
  }

  /** A copy that reaches Crowd through {@code through}. */
  public CrowdClientConfig withProxy(HttpProxy through) {
    return new CrowdClientConfig(
        applicationName,
        applicationPassword,
        baseUrl,
        applicationLoginUrl,
        cookieTokenKey,
        cookieDomain,
        sessionValidationInterval,
        httpTimeout,
        socketTimeout,
        httpMaxConnections,
        Optional.of(through));
  }

  /** {@code <baseUrl>/rest/usermanagement/1/}. */
  public URI restBaseUrl() {
    return URI.create(baseUrl + "/rest/usermanagement/1/");
  }

  @Override
  public String toString() {
    return "CrowdClientConfig[applicationName="
        + applicationName
        + ", applicationPassword=redacted, baseUrl="
        + baseUrl
        + ", cookieTokenKey="
        + cookieTokenKey
        + ", sessionValidationInterval="
        + sessionValidationInterval
        + ", httpTimeout="
        + httpTimeout
        + ", socketTimeout="
        + socketTimeout
        + ", httpMaxConnections="
        + httpMaxConnections
        + proxy.map(p -> ", proxy=" + p).orElse("")
        + "]";
  }

  private static URI withoutTrailingSlash(URI uri) {
    if (!uri.isAbsolute() || uri.getHost() == null) {
      throw new IllegalArgumentException("Crowd base URL must be absolute: " + uri);
    }
    String text = uri.toString();
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    return URI.create(text);
  }

  private static void requireNotNegative(Duration duration, String name) {
    if (duration == null || duration.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative");
    }
  }
}
