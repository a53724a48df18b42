package io.crowd2fa.plugin.webauthn;

import com.yubico.webauthn.data.AttestationConveyancePreference;
import com.yubico.webauthn.data.UserVerificationRequirement;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Relying-party configuration. {@code origins} are exact ({@code https://host[:port]}); port and
 * subdomain relaxations stay off (WebAuthn §13.4.8).
 *
 * @param challengeTimeout how long a started ceremony stays valid; at most 5 minutes (invariant 3)
 * @param attestationTrustRoots when present, only keys whose attestation chains to one of these
 *     roots can be registered; when empty, attestation is recorded and not checked
 * @param allowedAaguids when not empty, only these authenticator models (AAGUIDs) can be
 *     registered; needs {@code attestationTrustRoots}, since only a trusted attestation vouches for
 *     the AAGUID an authenticator reports
 */
public record WebAuthnSettings(
    String rpId,
    String rpName,
    Set<String> origins,
    UserVerificationRequirement userVerification,
    AttestationConveyancePreference attestation,
    Duration challengeTimeout,
    Optional<AttestationTrustRoots> attestationTrustRoots,
    Set<UUID> allowedAaguids) {

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
    if (attestationTrustRoots == null) {
      throw new IllegalArgumentException("attestationTrustRoots must be given (may be empty)");
    }
    if (attestationTrustRoots.isPresent() && attestation == AttestationConveyancePreference.NONE) {
      // Browsers strip the attestation when asked for none, so every key would be refused.
      throw new IllegalArgumentException(
          "a trust list needs attestation to be requested (direct, indirect or enterprise)");
    }
    if (allowedAaguids == null) {
      throw new IllegalArgumentException("allowedAaguids must be given (may be empty)");
    }
    allowedAaguids = Set.copyOf(allowedAaguids);
    if (!allowedAaguids.isEmpty() && attestationTrustRoots.isEmpty()) {
      // Without attestation any software can claim any AAGUID.
      throw new IllegalArgumentException("an AAGUID allowlist needs attestation trust roots");
    }
  }

  /** Settings without a trust list: attestation is recorded, not checked. */
  public WebAuthnSettings(
      String rpId,
      String rpName,
      Set<String> origins,
      UserVerificationRequirement userVerification,
      AttestationConveyancePreference attestation,
      Duration challengeTimeout) {
    this(
        rpId,
        rpName,
        origins,
        userVerification,
        attestation,
        challengeTimeout,
        Optional.empty(),
        Set.of());
  }

  /**
   * These settings, accepting only keys attested by {@code roots}. Attestation is requested {@code
   * direct} unless another conveyance than {@code none} was already chosen.
   */
  public WebAuthnSettings requiringAttestationFrom(AttestationTrustRoots roots) {
    return new WebAuthnSettings(
        rpId,
        rpName,
        origins,
        userVerification,
        attestation == AttestationConveyancePreference.NONE
            ? AttestationConveyancePreference.DIRECT
            : attestation,
        challengeTimeout,
        Optional.of(roots),
        allowedAaguids);
  }

  /** These settings, accepting only the authenticator models {@code aaguids} (if any given). */
  public WebAuthnSettings allowingOnlyModels(Set<UUID> aaguids) {
    return new WebAuthnSettings(
        rpId,
        rpName,
        origins,
        userVerification,
        attestation,
        challengeTimeout,
        attestationTrustRoots,
        aaguids);
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
