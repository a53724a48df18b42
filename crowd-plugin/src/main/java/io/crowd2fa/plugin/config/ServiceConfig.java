package io.crowd2fa.plugin.config;

import io.crowd2fa.plugin.persistence.DatabaseSettings;
import io.crowd2fa.plugin.webauthn.AttestationTrustRoots;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The validated configuration of the 2FA service. Built only by {@link ServiceConfigLoader}, which
 * documents every key.
 *
 * @param serviceBaseUrl absolute URL under which the service's pages are reachable; also the
 *     assertion's {@code iss}
 * @param crowdProperties path of the standard {@code crowd.properties} for the Crowd connection
 * @param database JDBC connection of the service's database
 * @param keyFile path of the key that encrypts secrets at rest (kept outside the database)
 * @param cookieDomain domain of {@code crowd.token_key}; empty means "ask Crowd's /config/cookie"
 * @param products the products whose base URLs {@code os_destination} may point under
 * @param totpIssuer issuer shown in authenticator apps
 * @param webAuthnRelyingPartyId WebAuthn relying party id
 * @param webAuthnOrigins origins WebAuthn responses may come from
 * @param webAuthnAttestationTrustRoots when present, only keys attested by these roots register
 * @param webAuthnAllowedAaguids when not empty, only these authenticator models register
 * @param policyFile path of the policy document
 * @param assertionLifetime how long an issued assertion is valid
 * @param loginLifetime how long a started login may take (at most 10 minutes)
 * @param keyRotationInterval age at which the signing key is replaced; longer than {@code
 *     assertionLifetime} so at most two keys are ever published
 * @param adminGroup Crowd group whose members may use the help-desk page
 */
public record ServiceConfig(
    URI serviceBaseUrl,
    Path crowdProperties,
    DatabaseSettings database,
    Path keyFile,
    Optional<String> cookieDomain,
    List<Product> products,
    String totpIssuer,
    String webAuthnRelyingPartyId,
    List<URI> webAuthnOrigins,
    Optional<AttestationTrustRoots> webAuthnAttestationTrustRoots,
    Set<UUID> webAuthnAllowedAaguids,
    Path policyFile,
    Duration assertionLifetime,
    Duration loginLifetime,
    Duration keyRotationInterval,
    String adminGroup) {

  public static final Duration MAX_LOGIN_LIFETIME = Duration.ofMinutes(10);

  public ServiceConfig {
    Objects.requireNonNull(serviceBaseUrl, "serviceBaseUrl");
    Objects.requireNonNull(crowdProperties, "crowdProperties");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(keyFile, "keyFile");
    Objects.requireNonNull(cookieDomain, "cookieDomain");
    Objects.requireNonNull(totpIssuer, "totpIssuer");
    Objects.requireNonNull(webAuthnRelyingPartyId, "webAuthnRelyingPartyId");
    Objects.requireNonNull(webAuthnAttestationTrustRoots, "webAuthnAttestationTrustRoots");
    Objects.requireNonNull(policyFile, "policyFile");
    Objects.requireNonNull(assertionLifetime, "assertionLifetime");
    Objects.requireNonNull(loginLifetime, "loginLifetime");
    Objects.requireNonNull(keyRotationInterval, "keyRotationInterval");
    if (adminGroup == null || adminGroup.isBlank()) {
      throw new IllegalArgumentException("adminGroup must name a Crowd group");
    }
    products = List.copyOf(products);
    webAuthnOrigins = List.copyOf(webAuthnOrigins);
    webAuthnAllowedAaguids = Set.copyOf(webAuthnAllowedAaguids);
    if (loginLifetime.isNegative()
        || loginLifetime.isZero()
        || loginLifetime.compareTo(MAX_LOGIN_LIFETIME) > 0) {
      throw new IllegalArgumentException("loginLifetime must be within (0, 10 min]");
    }
    if (assertionLifetime.isNegative() || assertionLifetime.isZero()) {
      throw new IllegalArgumentException("assertionLifetime must be positive");
    }
    if (keyRotationInterval.compareTo(assertionLifetime) <= 0) {
      throw new IllegalArgumentException(
          "keyRotationInterval must be longer than assertionLifetime");
    }
  }

  /** The product base URLs that destinations must be under. */
  public List<URI> allowedDestinations() {
    return products.stream().map(Product::baseUrl).toList();
  }

  /** True when the service is reached over HTTPS, so cookies get the Secure attribute. */
  public boolean isHttps() {
    return "https".equalsIgnoreCase(serviceBaseUrl.getScheme());
  }

  /**
   * The path part of the service base URL without a trailing slash, e.g. {@code
   * /crowd/plugins/servlet/2fa}.
   */
  public String servicePath() {
    String path = serviceBaseUrl.getPath();
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
