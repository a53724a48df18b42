package io.crowd2fa.plugin.webauthn;

import com.yubico.webauthn.data.ByteArray;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A registered security key or passkey. The private key never leaves the authenticator; what we
 * keep is public.
 *
 * @param id our own id of the credential, as the engine's factor lists use
 * @param credentialId the authenticator's id of the credential, unique across all users
 * @param publicKeyCose the credential public key, COSE-encoded
 * @param aaguid authenticator model id (all zeros with {@code none} attestation)
 * @param transports hints such as {@code usb}, {@code nfc}, {@code internal}
 */
public record WebAuthnCredential(
    UUID id,
    ByteArray credentialId,
    String username,
    ByteArray userHandle,
    ByteArray publicKeyCose,
    long signatureCount,
    ByteArray aaguid,
    Set<String> transports,
    boolean backupEligible,
    boolean backedUp,
    String nickname,
    CredentialStatus status,
    Instant createdAt,
    Optional<Instant> lastUsedAt) {

  public static final int MAX_NICKNAME = 64;
  public static final int MAX_CREDENTIAL_ID = 1023;

  public WebAuthnCredential {
    if (id == null) {
      throw new IllegalArgumentException("id is required");
    }
    if (credentialId == null || credentialId.isEmpty() || credentialId.size() > MAX_CREDENTIAL_ID) {
      throw new IllegalArgumentException(
          "credential id must be 1.." + MAX_CREDENTIAL_ID + " bytes");
    }
    if (username == null || userHandle == null || publicKeyCose == null || aaguid == null) {
      throw new IllegalArgumentException("username, user handle, public key and aaguid required");
    }
    if (signatureCount < 0 || signatureCount > 0xFFFFFFFFL) {
      throw new IllegalArgumentException("signature count is an unsigned 32-bit value");
    }
    requireNickname(nickname);
    if (status == null || createdAt == null || lastUsedAt == null || transports == null) {
      throw new IllegalArgumentException("status, createdAt, lastUsedAt and transports required");
    }
    transports = Set.copyOf(transports);
  }

  public boolean usable() {
    return status == CredentialStatus.ACTIVE;
  }

  static void requireNickname(String nickname) {
    if (nickname == null
        || nickname.isBlank()
        || nickname.length() > MAX_NICKNAME
        || nickname.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          "nickname must be 1.." + MAX_NICKNAME + " characters without control characters");
    }
  }
}
