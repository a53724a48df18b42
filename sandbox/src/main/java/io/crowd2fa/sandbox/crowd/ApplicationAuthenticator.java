package io.crowd2fa.sandbox.crowd;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Authenticates the calling Crowd application from its HTTP Basic credentials (application name and
 * password, as Crowd's REST API requires).
 *
 * <p>A bcrypt check per request would cap the stand-in far below the validation traffic a product
 * makes, so credentials already verified are remembered by their SHA-256 (Crowd likewise caches
 * application authentication). Only successes are remembered, so guessing gains nothing.
 */
final class ApplicationAuthenticator {

  private static final String BASIC = "basic ";

  private final CrowdIdentities identities;
  private final ConcurrentMap<String, String> verifiedApplicationByDigest =
      new ConcurrentHashMap<>();

  ApplicationAuthenticator(CrowdIdentities identities) {
    this.identities = identities;
  }

  /** The authenticated application, or empty when the header is absent, malformed or wrong. */
  Optional<CrowdSeed.Application> authenticate(String authorizationHeader) {
    if (authorizationHeader == null
        || !authorizationHeader.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
      return Optional.empty();
    }
    String digest = sha256(authorizationHeader);
    String application = verifiedApplicationByDigest.get(digest);
    if (application == null) {
      // computeIfAbsent makes concurrent first calls with one header wait for a single bcrypt
      // check instead of each running its own; a failed check stores nothing.
      application =
          verifiedApplicationByDigest.computeIfAbsent(digest, d -> verify(authorizationHeader));
    }
    return application == null ? Optional.empty() : identities.application(application);
  }

  /** The application's name if the header carries its right password, else {@code null}. */
  private String verify(String authorizationHeader) {
    Optional<String[]> credentials = decode(authorizationHeader.substring(BASIC.length()).trim());
    if (credentials.isEmpty()) {
      return null;
    }
    String name = credentials.get()[0];
    String password = credentials.get()[1];
    return identities
        .application(name)
        .filter(app -> passwordMatches(password, app.passwordBcrypt()))
        .map(CrowdSeed.Application::name)
        .orElse(null);
  }

  private static Optional<String[]> decode(String base64) {
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
    String pair = new String(decoded, StandardCharsets.UTF_8);
    int colon = pair.indexOf(':');
    if (colon < 1) {
      return Optional.empty();
    }
    return Optional.of(new String[] {pair.substring(0, colon), pair.substring(colon + 1)});
  }

  private static boolean passwordMatches(String password, String bcryptHash) {
    return BCrypt.verifyer()
        .verify(
            password.getBytes(StandardCharsets.UTF_8), bcryptHash.getBytes(StandardCharsets.UTF_8))
        .verified;
  }

  private static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
