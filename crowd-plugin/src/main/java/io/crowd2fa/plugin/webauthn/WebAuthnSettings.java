package io.crowd2fa.plugin.webauthn;

import com.yubico.webauthn.data.AttestationConveyancePreference;
import com.yubico.webauthn.data.UserVerificationRequirement;
import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * Relying-party configuration. {@code origins} are exact ({@code https://host[:port]}); port and
 * subdomain relaxations stay off (WebAuthn §13.4.8).
 *
 * @param challengeTimeout how long a started ceremony stays valid; at most 5 minutes (invariant 3)
 */
public record WebAuthnSettings(
    String rpId,
    String rpName,
    Set<String> origins,
    UserVerificationRequirement userVerification,
    AttestationConveyancePreference attestation,
    Duration challengeTimeout) {

  public static final Duration MAX_CHALLENGE_TIMEOUT = Duration.ofMinutes(5);

  public WebAuthnSettings {
    if (rpId == null || rpId.isBlank() || rpId.contains("/") || rpId.contains(":")) {
      throw new IllegalArgumentException("rpId must be a bare host name such as login.example.com");
    }
    if (rpName == null || rpName.isBlank()) {
      throw new IllegalArgumentException("rpName is required");
    }
    if (origins == null || origins.isEmpty()) {
      throw new IllegalArgumentException("at least one origin is required");
    }
    origins.forEach(o -> requireOrigin(o, rpId));
    origins = Set.copyOf(origins);
    if (userVerification == null || attestation == null) {
      throw new IllegalArgumentException("userVerification and attestation are required");
    }
    if (challengeTimeout == null
        || challengeTimeout.isNegative()
        || challengeTimeout.isZero()
        || challengeTimeout.compareTo(MAX_CHALLENGE_TIMEOUT) > 0) {
      throw new IllegalArgumentException("challengeTimeout must be > 0 and <= 5 minutes");
    }
  }

  /** Second-factor defaults: user presence suffices after a password, no attestation. */
  public static WebAuthnSettings secondFactor(String rpId, String rpName, Set<String> origins) {
    return new WebAuthnSettings(
        rpId,
        rpName,
        origins,
        UserVerificationRequirement.DISCOURAGED,
        AttestationConveyancePreference.NONE,
        MAX_CHALLENGE_TIMEOUT);
  }

  private static void requireOrigin(String origin, String rpId) {
    URI uri;
    try {
      uri = URI.create(origin);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("origin is not a URI: " + origin, e);
    }
    boolean secure = "https".equals(uri.getScheme());
    boolean localhost = "http".equals(uri.getScheme()) && "localhost".equals(uri.getHost());
    if (!(secure || localhost)
        || uri.getHost() == null
        || !origin.equals(uri.getScheme() + "://" + uri.getRawAuthority())) {
      throw new IllegalArgumentException(
          "origin must be https://host[:port] (http only for localhost): " + origin);
    }
    // Browsers refuse an rpId that is not the origin's host or a registrable suffix of it.
    if (!uri.getHost().equals(rpId) && !uri.getHost().endsWith("." + rpId)) {
      throw new IllegalArgumentException("origin " + origin + " is not within rpId " + rpId);
    }
  }
}
