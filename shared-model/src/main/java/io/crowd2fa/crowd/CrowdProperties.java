package io.crowd2fa.crowd;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads a standard {@code crowd.properties}, the file product admins already have, with the keys
 * and defaults of Crowd's own {@code ClientPropertiesImpl}. A missing or malformed key fails at
 * start-up with a {@link CrowdConfigurationException} naming the key and the file.
 */
public final class CrowdProperties {

  public static final String APPLICATION_NAME = "application.name";
  public static final String APPLICATION_PASSWORD = "application.password";
  public static final String APPLICATION_LOGIN_URL = "application.login.url";
  public static final String CROWD_BASE_URL = "crowd.base.url";
  public static final String CROWD_SERVER_URL = "crowd.server.url";
  public static final String SESSION_VALIDATION_INTERVAL = "session.validationinterval";
  public static final String COOKIE_TOKEN_KEY = "cookie.tokenkey";
  public static final String COOKIE_DOMAIN = "cookie.domain";
  public static final String HTTP_TIMEOUT = "http.timeout";
  public static final String SOCKET_TIMEOUT = "socket.timeout";
  public static final String HTTP_MAX_CONNECTIONS = "http.max.connections";
  public static final String HTTP_PROXY_HOST = "http.proxy.host";
  public static final String HTTP_PROXY_PORT = "http.proxy.port";
  public static final String HTTP_PROXY_USERNAME = "http.proxy.username";
  public static final String HTTP_PROXY_PASSWORD = "http.proxy.password";

  /** Crowd's {@code Constants.CROWD_SERVICE_LOCATION}: the legacy SOAP path under the base URL. */
  private static final String SERVICES_SEGMENT = "/services";

  /** Crowd's prefix of system properties that override a {@code crowd.properties} key. */
  public static final String SYSTEM_PROPERTY_PREFIX = "crowd.property.";

  /** Crowd's switch for the {@code CROWD_PROPERTY_<KEY>} environment variables. */
  public static final String USE_ENVIRONMENT_VARIABLES = "atlassian.use.environment.variables";

  private final Properties properties;
  private final String source;
  private final Overrides overrides;

  private CrowdProperties(Properties properties, String source, Overrides overrides) {
    this.properties = properties;
    this.source = source;
    this.overrides = overrides;
  }

  /** A value set outside the file, and where (for error messages). */
  record OverriddenValue(String value, String origin) {
    @Override
    public String toString() {
      return "OverriddenValue[origin=" + origin + "]";
    }
  }

  /** Looks a key up outside the file; empty when not overridden. */
  @FunctionalInterface
  interface Overrides {
    Optional<OverriddenValue> lookup(String key);

    Overrides NONE = key -> Optional.empty();

    /**
     * Crowd's own order ({@code ClientPropertiesImpl}): system property {@code
     * crowd.property.<key>}, then, when {@code -Datlassian.use.environment.variables=true},
     * environment variable {@code CROWD_PROPERTY_<KEY>} (dots as underscores), then the file.
     */
    static Overrides of(
        java.util.function.UnaryOperator<String> systemProperties,
        java.util.function.UnaryOperator<String> environment) {
      return key -> {
        String property = SYSTEM_PROPERTY_PREFIX + key;
        String fromSystem = systemProperties.apply(property);
        if (fromSystem != null && !fromSystem.isBlank()) {
          return Optional.of(new OverriddenValue(fromSystem.trim(), "system property " + property));
        }
        if (Boolean.parseBoolean(systemProperties.apply(USE_ENVIRONMENT_VARIABLES))) {
          String variable =
              "CROWD_PROPERTY_" + key.toUpperCase(java.util.Locale.ENGLISH).replace('.', '_');
          String fromEnvironment = environment.apply(variable);
          if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(
                new OverriddenValue(fromEnvironment.trim(), "environment variable " + variable));
          }
        }
        return Optional.empty();
      };
    }

    static Overrides system() {
      return of(System::getProperty, System::getenv);
    }
  }

  /**
   * Loads and validates {@code file}; as in Crowd's client, a system property {@code
   * crowd.property.<key>} (or, with {@code -Datlassian.use.environment.variables=true}, an
   * environment variable {@code CROWD_PROPERTY_<KEY>}) overrides the file's value.
   */
  public static CrowdClientConfig load(Path file) {
    return load(file, Overrides.system());
  }

  static CrowdClientConfig load(Path file, Overrides overrides) {
    String source = file.toAbsolutePath().toString();
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
    } catch (IOException | IllegalArgumentException e) {
      throw new CrowdConfigurationException(source, "cannot be read: " + e.getMessage(), e);
    }
    return new CrowdProperties(properties, source, overrides).toConfig();
  }

  /**
   * Loads and validates a class-path resource, e.g. {@code crowd.properties} in WEB-INF/classes.
   */
  public static CrowdClientConfig loadResource(ClassLoader loader, String resource) {
    String source = "classpath:" + resource;
    Properties properties = new Properties();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new CrowdConfigurationException(null, source, "not found on the class path");
      }
      properties.load(in);
    } catch (IOException | IllegalArgumentException e) {
      throw new CrowdConfigurationException(source, "cannot be read: " + e.getMessage(), e);
    }
    return new CrowdProperties(properties, source, Overrides.system()).toConfig();
  }

  /**
   * Validates already loaded properties, without system-property or environment overrides.
   *
   * @param source names the file in error messages
   */
  public static CrowdClientConfig parse(Properties properties, String source) {
    return new CrowdProperties(properties, source, Overrides.NONE).toConfig();
  }

  private CrowdClientConfig toConfig() {
    CrowdClientConfig config = readConfig();
    JdkProxyAuthentication.requireUsable(config, sourceOf(HTTP_PROXY_USERNAME));
    return config;
  }

  private CrowdClientConfig readConfig() {
    return new CrowdClientConfig(
        required(APPLICATION_NAME),
        new Password(required(APPLICATION_PASSWORD)),
        baseUrl(),
        optional(APPLICATION_LOGIN_URL).map(value -> absoluteUri(APPLICATION_LOGIN_URL, value)),
        optional(COOKIE_TOKEN_KEY).orElse(CrowdClientConfig.DEFAULT_COOKIE_TOKEN_KEY),
        optional(COOKIE_DOMAIN),
        Duration.ofMinutes(
            nonNegative(
                SESSION_VALIDATION_INTERVAL,
                CrowdClientConfig.DEFAULT_SESSION_VALIDATION_INTERVAL.toMinutes())),
        Duration.ofMillis(
            nonNegative(HTTP_TIMEOUT, CrowdClientConfig.DEFAULT_HTTP_TIMEOUT.toMillis())),
        Duration.ofMillis(
            nonNegative(SOCKET_TIMEOUT, CrowdClientConfig.DEFAULT_SOCKET_TIMEOUT.toMillis())),
        positiveInt(HTTP_MAX_CONNECTIONS, CrowdClientConfig.DEFAULT_HTTP_MAX_CONNECTIONS),
        proxy());
  }

  /** Crowd's {@code http.proxy.*} keys: a host needs a port; a username needs a password. */
  private Optional<HttpProxy> proxy() {
    Optional<String> host = optional(HTTP_PROXY_HOST);
    if (host.isEmpty()) {
      return Optional.empty();
    }
    if (optional(HTTP_PROXY_PORT).isEmpty()) {
      throw new CrowdConfigurationException(
          HTTP_PROXY_PORT, source, "is missing although " + HTTP_PROXY_HOST + " is set");
    }
    int port = positiveInt(HTTP_PROXY_PORT, 0);
    if (port > 65_535) {
      throw new CrowdConfigurationException(
          HTTP_PROXY_PORT, sourceOf(HTTP_PROXY_PORT), "must be a port number (1-65535)");
    }
    Optional<String> username = optional(HTTP_PROXY_USERNAME);
    Optional<String> password = optional(HTTP_PROXY_PASSWORD);
    if (username.isPresent() != password.isPresent()) {
      String missing = username.isPresent() ? HTTP_PROXY_PASSWORD : HTTP_PROXY_USERNAME;
      throw new CrowdConfigurationException(
          missing, source, "is missing: proxy username and password go together");
    }
    return Optional.of(new HttpProxy(host.get(), port, username, password.map(Password::new)));
  }

  /**
   * {@code crowd.base.url} if set; otherwise {@code crowd.server.url} with its trailing {@code
   * /services} segment removed, as Crowd's client derives it.
   */
  private URI baseUrl() {
    Optional<String> base = optional(CROWD_BASE_URL);
    if (base.isPresent()) {
      return httpUri(CROWD_BASE_URL, base.get());
    }
    Optional<String> server = optional(CROWD_SERVER_URL);
    if (server.isEmpty()) {
      throw new CrowdConfigurationException(
          CROWD_BASE_URL, source, "is missing (and so is " + CROWD_SERVER_URL + ")");
    }
    URI serverUrl = httpUri(CROWD_SERVER_URL, server.get());
    String path = serverUrl.getPath() == null ? "" : serverUrl.getPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    int services = path.lastIndexOf(SERVICES_SEGMENT);
    if (services >= 0 && services + SERVICES_SEGMENT.length() == path.length()) {
      path = path.substring(0, services);
    }
    try {
      return new URI(
          serverUrl.getScheme(), null, serverUrl.getHost(), serverUrl.getPort(), path, null, null);
    } catch (URISyntaxException e) {
      throw new CrowdConfigurationException(
          CROWD_SERVER_URL, sourceOf(CROWD_SERVER_URL), "is not a valid URL", e);
    }
  }

  private String required(String key) {
    return optional(key)
        .orElseThrow(() -> new CrowdConfigurationException(key, source, "is missing or empty"));
  }

  /** Trimmed value, empty when absent or blank (Crowd's {@code trimToNull}). */
  private Optional<String> optional(String key) {
    Optional<OverriddenValue> override = overrides.lookup(key);
    if (override.isPresent()) {
      return Optional.of(override.get().value());
    }
    String value = properties.getProperty(key);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(value.trim());
  }

  /** Where a key's value came from: an override's origin, else the file. */
  private String sourceOf(String key) {
    return overrides.lookup(key).map(OverriddenValue::origin).orElse(source);
  }

  private long nonNegative(String key, long defaultValue) {
    Optional<String> value = optional(key);
    if (value.isEmpty()) {
      return defaultValue;
    }
    try {
      long parsed = Long.parseLong(value.get());
      if (parsed >= 0) {
        return parsed;
      }
    } catch (NumberFormatException notANumber) {
      throw malformedNumber(key, value.get(), notANumber);
    }
    throw new CrowdConfigurationException(
        key, sourceOf(key), "must be a whole number >= 0 but is '" + value.get() + "'");
  }

  private int positiveInt(String key, int defaultValue) {
    Optional<String> value = optional(key);
    if (value.isEmpty()) {
      return defaultValue;
    }
    try {
      int parsed = Integer.parseInt(value.get());
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException notANumber) {
      throw malformedNumber(key, value.get(), notANumber);
    }
    throw new CrowdConfigurationException(
        key, sourceOf(key), "must be a whole number > 0 but is '" + value.get() + "'");
  }

  private CrowdConfigurationException malformedNumber(
      String key, String value, NumberFormatException cause) {
    return new CrowdConfigurationException(
        key, sourceOf(key), "must be a whole number but is '" + value + "'", cause);
  }

  private URI httpUri(String key, String value) {
    URI uri = absoluteUri(key, value);
    String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new CrowdConfigurationException(
          key, sourceOf(key), "must be an http or https URL but is '" + value + "'");
    }
    return uri;
  }

  private URI absoluteUri(String key, String value) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException notAUri) {
      throw new CrowdConfigurationException(
          key, sourceOf(key), "must be an absolute URL but is '" + value + "'", notAUri);
    }
    if (!uri.isAbsolute() || uri.getHost() == null) {
      throw new CrowdConfigurationException(
          key, sourceOf(key), "must be an absolute URL but is '" + value + "'");
    }
    return uri;
  }
}
