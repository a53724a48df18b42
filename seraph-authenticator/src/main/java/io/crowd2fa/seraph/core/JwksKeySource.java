package io.crowd2fa.seraph.core;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The service's signing keys from its JWKS document, cached. A {@code kid} that is not in the cache
 * triggers a refetch (key rotation), but at most once per {@code minRefresh}, so a stream of forged
 * {@code kid}s cannot turn every request into a call to the service. The whole set is refetched
 * after {@code maxAge} so a withdrawn key stops being trusted within that bound while the service
 * is reachable.
 */
public final class JwksKeySource implements KeySource {

  private static final System.Logger LOG = System.getLogger(JwksKeySource.class.getName());

  private final URI jwksUri;
  private final HttpFetcher fetcher;
  private final Clock clock;
  private final Duration minRefresh;
  private final Duration maxAge;

  private volatile Map<String, ECPublicKey> keys = Map.of();
  private volatile Instant fetchedAt = Instant.MIN;
  private Instant lastAttempt = Instant.MIN;

  public JwksKeySource(
      URI jwksUri, HttpFetcher fetcher, Clock clock, Duration minRefresh, Duration maxAge) {
    this.jwksUri = jwksUri;
    this.fetcher = fetcher;
    this.clock = clock;
    this.minRefresh = minRefresh;
    this.maxAge = maxAge;
  }

  @Override
  public Optional<ECPublicKey> keyFor(String kid) {
    Instant now = clock.instant();
    ECPublicKey key = keys.get(kid);
    if (key != null && now.isBefore(fetchedAt.plus(maxAge))) {
      return Optional.of(key);
    }
    refreshIfAllowed(now);
    return Optional.ofNullable(keys.get(kid));
  }

  private synchronized void refreshIfAllowed(Instant now) {
    if (lastAttempt != Instant.MIN && now.isBefore(lastAttempt.plus(minRefresh))) {
      return;
    }
    lastAttempt = now;
    try {
      keys = parse(fetcher.get(jwksUri));
      fetchedAt = now;
    } catch (SeraphAuthenticatorException e) {
      // Keep the keys we have: the service being down must not sign out every user at once;
      // new logins fail anyway because Crowd validation and the login page need the service.
      LOG.log(Level.WARNING, "Crowd2FA: could not refresh signing keys from {0}: {1}", jwksUri, e);
    }
  }

  static Map<String, ECPublicKey> parse(String jwks) {
    Map<String, ECPublicKey> parsed = new HashMap<>();
    for (Object entry : Json.array(Json.object(jwks), "keys")) {
      Map<String, Object> jwk = Json.asObject(entry, "JWK");
      if (!isEs256SigningKey(jwk)) {
        continue;
      }
      String kid = Json.string(jwk, "kid").orElse("");
      if (kid.isEmpty()) {
        continue;
      }
      try {
        parsed.put(
            kid,
            EcP256.fromCoordinates(
                Json.string(jwk, "x").orElse(null), Json.string(jwk, "y").orElse(null)));
      } catch (SeraphAuthenticatorException e) {
        LOG.log(Level.WARNING, "Crowd2FA: JWKS key {0} ignored: {1}", kid, e.getMessage());
      }
    }
    return Map.copyOf(parsed);
  }

  private static boolean isEs256SigningKey(Map<String, Object> jwk) {
    return "EC".equals(jwk.get("kty"))
        && "P-256".equals(jwk.get("crv"))
        && (jwk.get("use") == null || "sig".equals(jwk.get("use")))
        && (jwk.get("alg") == null || "ES256".equals(jwk.get("alg")));
  }
}
