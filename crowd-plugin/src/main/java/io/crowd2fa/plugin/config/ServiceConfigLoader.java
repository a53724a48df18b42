package io.crowd2fa.plugin.config;

import io.crowd2fa.crowd.CookieDomain;
import io.crowd2fa.plugin.persistence.DatabaseSettings;
import io.crowd2fa.plugin.webauthn.AttestationTrustRoots;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the one configuration file of the service; an environment variable overrides each key (the
 * key upper-cased, dots and dashes as underscores: {@code crowd2fa.db.url} → {@code
 * CROWD2FA_DB_URL}).
 *
 * <p>Keys (see also {@code crowd-plugin/README.md}):
 *
 * <ul>
 *   <li>{@code crowd2fa.service.base-url} (required) absolute http(s) URL of the service
 *   <li>{@code crowd2fa.crowd.properties} (required) path of {@code crowd.properties}
 *   <li>{@code crowd2fa.db.url} (required), {@code crowd2fa.db.user}, {@code crowd2fa.db.password}
 *   <li>{@code crowd2fa.key-file} (required) path of the at-rest encryption key; its directory must
 *       exist
 *   <li>{@code crowd2fa.cookie.domain} (optional) domain of {@code crowd.token_key} and the
 *       assertion; it must cover the service's host and every product's, else the start stops
 *       naming the host it misses. Unset: Crowd's {@code /config/cookie} domain, checked when the
 *       service first reads it and logged as an error when it misses a host
 *   <li>{@code crowd2fa.products} (required) comma-separated {@code application=baseUrl} pairs: the
 *       Crowd application name of each product and the base URL destinations must be under
 *   <li>{@code crowd2fa.totp.issuer} (default {@code Crowd2FA})
 *   <li>{@code crowd2fa.webauthn.rp-id} (required), {@code crowd2fa.webauthn.origins} (required,
 *       comma-separated)
 *   <li>{@code crowd2fa.webauthn.attestation.trust-roots} (optional) path of a PEM file of the
 *       attestation root certificates to trust; when set, only security keys whose attestation
 *       chains to one of them can be registered. A file that cannot be read, holds no certificate
 *       or anything but certificates, or holds a root outside its validity period stops the start
 *   <li>{@code crowd2fa.webauthn.attestation.aaguids} (optional, needs the trust roots)
 *       comma-separated AAGUIDs ({@code xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}) of the only
 *       authenticator models that can be registered
 *   <li>{@code crowd2fa.policy.file} (required) path of the policy document; applied at start (an
 *       invalid one stops the start) and re-read every 5 minutes, each change a new version
 *   <li>{@code crowd2fa.assertion.lifetime} (ISO-8601 duration, default {@code PT12H})
 *   <li>{@code crowd2fa.login.lifetime} (ISO-8601 duration, default {@code PT10M}, at most 10 min)
 *   <li>{@code crowd2fa.keys.rotation-interval} (ISO-8601 duration, default {@code P30D}) age at
 *       which the assertion signing key is replaced automatically, on the first signing or JWKS
 *       request after it (one node wins the race, the others use its key); the previous key stays
 *       in the JWKS until its last assertion expires. Must be longer than {@code
 *       crowd2fa.assertion.lifetime}, or start-up fails
 *   <li>{@code crowd2fa.admin.group} (default {@code crowd-administrators}) the Crowd group (nested
 *       membership counts) whose members may use the help-desk page {@code /admin}
 * </ul>
 */
public final class ServiceConfigLoader {

  public static final String SERVICE_BASE_URL = "crowd2fa.service.base-url";
  public static final String CROWD_PROPERTIES = "crowd2fa.crowd.properties";
  public static final String DB_URL = "crowd2fa.db.url";
  public static final String DB_USER = "crowd2fa.db.user";
  public static final String DB_PASSWORD = "crowd2fa.db.password";
  public static final String KEY_FILE = "crowd2fa.key-file";
  public static final String COOKIE_DOMAIN = "crowd2fa.cookie.domain";
  public static final String PRODUCTS = "crowd2fa.products";
  public static final String TOTP_ISSUER = "crowd2fa.totp.issuer";
  public static final String WEBAUTHN_RP_ID = "crowd2fa.webauthn.rp-id";
  public static final String WEBAUTHN_ORIGINS = "crowd2fa.webauthn.origins";
  public static final String WEBAUTHN_ATTESTATION_TRUST_ROOTS =
      "crowd2fa.webauthn.attestation.trust-roots";
  public static final String WEBAUTHN_ATTESTATION_AAGUIDS = "crowd2fa.webauthn.attestation.aaguids";
  public static final String POLICY_FILE = "crowd2fa.policy.file";
  public static final String ASSERTION_LIFETIME = "crowd2fa.assertion.lifetime";
  public static final String LOGIN_LIFETIME = "crowd2fa.login.lifetime";
  public static final String KEY_ROTATION_INTERVAL = "crowd2fa.keys.rotation-interval";
  public static final String ADMIN_GROUP = "crowd2fa.admin.group";

  private final Properties file;
  private final Map<String, String> environment;
  private final Clock clock;

  private ServiceConfigLoader(Properties file, Map<String, String> environment, Clock clock) {
    this.file = file;
    this.environment = environment;
    this.clock = clock;
  }

  /** Loads {@code configFile} with the process environment as overrides. */
  public static ServiceConfig load(Path configFile) {
    return load(configFile, System.getenv());
  }

  public static ServiceConfig load(Path configFile, Map<String, String> environment) {
    return load(configFile, environment, Clock.systemUTC());
  }

  /** {@code clock} dates the validity check of certificates named by the configuration. */
  public static ServiceConfig load(Path configFile, Map<String, String> environment, Clock clock) {
    if (configFile == null) {
      throw new ConfigurationException("crowd2fa.config: no configuration file given");
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new ConfigurationException(
          "crowd2fa.config: cannot read configuration file " + configFile + ": " + e.getMessage());
    }
    return new ServiceConfigLoader(properties, Map.copyOf(environment), clock).build();
  }

  /** The environment variable that overrides {@code key}. */
  public static String environmentName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private ServiceConfig build() {
    URI baseUrl = httpUrl(SERVICE_BASE_URL, required(SERVICE_BASE_URL));
    Duration loginLifetime = duration(LOGIN_LIFETIME, "PT10M");
    if (loginLifetime.compareTo(ServiceConfig.MAX_LOGIN_LIFETIME) > 0 || loginLifetime.isZero()) {
      throw new ConfigurationException(LOGIN_LIFETIME + ": must be more than 0 and at most PT10M");
    }
    Duration assertionLifetime = duration(ASSERTION_LIFETIME, "PT12H");
    if (assertionLifetime.isZero()) {
      throw new ConfigurationException(ASSERTION_LIFETIME + ": must be positive");
    }
    Duration keyRotationInterval = duration(KEY_ROTATION_INTERVAL, "P30D");
    if (keyRotationInterval.compareTo(assertionLifetime) <= 0) {
      // A shorter interval would retire keys whose assertions are still valid faster than the
      // JWKS can hold them (it publishes current and previous only).
      throw new ConfigurationException(
          KEY_ROTATION_INTERVAL
              + ": must be longer than "
              + ASSERTION_LIFETIME
              + " ("
              + assertionLifetime
              + ")");
    }
    Optional<AttestationTrustRoots> trustRoots = attestationTrustRoots();
    Optional<String> cookieDomain = optional(COOKIE_DOMAIN).map(this::cookieDomain);
    List<Product> products = products();
    cookieDomain.ifPresent(domain -> requireCovers(domain, baseUrl, products));
    return new ServiceConfig(
        baseUrl,
        readableFile(CROWD_PROPERTIES),
        database(),
        pathInExistingDirectory(KEY_FILE),
        cookieDomain,
        products,
        optional(TOTP_ISSUER).orElse("Crowd2FA"),
        required(WEBAUTHN_RP_ID),
        httpUrls(WEBAUTHN_ORIGINS),
        trustRoots,
        allowedAaguids(trustRoots.isPresent()),
        readableFile(POLICY_FILE),
        assertionLifetime,
        loginLifetime,
        keyRotationInterval,
        optional(ADMIN_GROUP).map(String::strip).orElse("crowd-administrators"));
  }

  private Optional<String> optional(String key) {
    String value = environment.get(environmentName(key));
    if (value == null) {
      value = file.getProperty(key);
    }
    return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
  }

  private String required(String key) {
    return optional(key)
        .orElseThrow(
            () ->
                new ConfigurationException(
                    key
                        + ": missing (set it in the configuration file or "
                        + environmentName(key)
                        + ")"));
  }

  private static URI httpUrl(String key, String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      boolean http = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
      if (!http
          || uri.getHost() == null
          || uri.getRawUserInfo() != null
          || uri.getRawQuery() != null) {
        throw new ConfigurationException(
            key + ": '" + value + "' is not an absolute http(s) URL without user info or query");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new ConfigurationException(key + ": '" + value + "' is not a URL");
    }
  }

  private List<URI> httpUrls(String key) {
    List<URI> urls = new ArrayList<>();
    for (String part : required(key).split(",")) {
      if (!part.isBlank()) {
        urls.add(httpUrl(key, part.trim()));
      }
    }
    if (urls.isEmpty()) {
      throw new ConfigurationException(key + ": needs at least one URL");
    }
    return urls;
  }

  private List<Product> products() {
    List<Product> products = new ArrayList<>();
    for (String part : required(PRODUCTS).split(",")) {
      if (part.isBlank()) {
        continue;
      }
      int eq = part.indexOf('=');
      if (eq < 1) {
        throw new ConfigurationException(
            PRODUCTS + ": '" + part.trim() + "' is not application=baseUrl");
      }
      try {
        products.add(
            new Product(
                part.substring(0, eq).trim(), httpUrl(PRODUCTS, part.substring(eq + 1).trim())));
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException(PRODUCTS + ": " + e.getMessage());
      }
    }
    if (products.isEmpty()) {
      throw new ConfigurationException(PRODUCTS + ": needs at least one application=baseUrl");
    }
    return products;
  }

  private Path readableFile(String key) {
    Path path = Path.of(required(key));
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw new ConfigurationException(key + ": " + path + " is not a readable file");
    }
    return path;
  }

  private Optional<AttestationTrustRoots> attestationTrustRoots() {
    if (optional(WEBAUTHN_ATTESTATION_TRUST_ROOTS).isEmpty()) {
      return Optional.empty();
    }
    Path path = readableFile(WEBAUTHN_ATTESTATION_TRUST_ROOTS);
    try {
      AttestationTrustRoots roots =
          // Latin-1 decodes any bytes, so a DER file is reported as "not PEM", not as unreadable.
          AttestationTrustRoots.fromPem(Files.readString(path, StandardCharsets.ISO_8859_1));
      roots.requireValidAt(clock.instant());
      return Optional.of(roots);
    } catch (IOException e) {
      throw new ConfigurationException(
          WEBAUTHN_ATTESTATION_TRUST_ROOTS + ": cannot read " + path + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(
          WEBAUTHN_ATTESTATION_TRUST_ROOTS + ": " + path + ": " + e.getMessage());
    }
  }

  private Set<UUID> allowedAaguids(boolean trustRootsConfigured) {
    Optional<String> value = optional(WEBAUTHN_ATTESTATION_AAGUIDS);
    if (value.isEmpty()) {
      return Set.of();
    }
    if (!trustRootsConfigured) {
      // An AAGUID is what the authenticator says it is; only trusted attestation vouches for it.
      throw new ConfigurationException(
          WEBAUTHN_ATTESTATION_AAGUIDS + ": needs " + WEBAUTHN_ATTESTATION_TRUST_ROOTS);
    }
    Set<UUID> aaguids = new LinkedHashSet<>();
    for (String part : value.get().split(",")) {
      String aaguid = part.strip();
      if (!aaguid.matches(
          "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")) {
        throw new ConfigurationException(
            WEBAUTHN_ATTESTATION_AAGUIDS
                + ": '"
                + aaguid
                + "' is not an AAGUID such as cb69481e-8ff7-4039-93ec-0a2729a154a8");
      }
      aaguids.add(UUID.fromString(aaguid));
    }
    return Set.copyOf(aaguids);
  }

  private Path pathInExistingDirectory(String key) {
    Path path = Path.of(required(key)).toAbsolutePath();
    if (!Files.isDirectory(path.getParent())) {
      throw new ConfigurationException(key + ": directory of " + path + " does not exist");
    }
    return path;
  }

  private DatabaseSettings database() {
    String url = required(DB_URL);
    try {
      return new DatabaseSettings(
          url,
          optional(DB_USER).orElse(""),
          optional(DB_PASSWORD).orElse(""),
          DatabaseSettings.DEFAULT_POOL_SIZE);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(DB_URL + ": expected jdbc:h2: or jdbc:postgresql:");
    }
  }

  /** The service sets the cookies every product reads: the domain must reach them all. */
  private static void requireCovers(String domain, URI service, List<Product> products) {
    List<String> problems =
        CookieDomain.problems(
            Optional.of(domain), service, products.stream().map(Product::baseUrl).toList());
    if (!problems.isEmpty()) {
      throw new ConfigurationException(COOKIE_DOMAIN + ": " + String.join("; ", problems));
    }
  }

  private String cookieDomain(String value) {
    boolean valid =
        Arrays.stream(value.replaceFirst("^\\.", "").split("\\.", -1))
            .allMatch(label -> label.matches("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"));
    if (!valid) {
      throw new ConfigurationException(COOKIE_DOMAIN + ": '" + value + "' is not a domain name");
    }
    return value;
  }

  private Duration duration(String key, String defaultValue) {
    String value = optional(key).orElse(defaultValue);
    try {
      Duration duration = Duration.parse(value);
      if (duration.isNegative()) {
        throw new ConfigurationException(key + ": must not be negative");
      }
      return duration;
    } catch (DateTimeParseException e) {
      throw new ConfigurationException(key + ": '" + value + "' is not an ISO-8601 duration");
    }
  }
}
