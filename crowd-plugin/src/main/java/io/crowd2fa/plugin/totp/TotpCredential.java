package io.crowd2fa.plugin.totp;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A TOTP authenticator of one user. The secret is only ever held sealed ({@code sealedSecret}, see
 * {@code crypto.SecretBox}), opened for the moment of a verification.
 *
 * @param expiresAt end of a pending enrolment; {@code null} once active
 * @param lastUsedStep highest time step ever accepted; {@code null} before the first use
 */
public record TotpCredential(
    UUID id,
    String username,
    String nickname,
    TotpParameters parameters,
    String sealedSecret,
    TotpCredentialStatus status,
    Instant createdAt,
    Instant expiresAt,
    Instant activatedAt,
    Long lastUsedStep,
    Instant lastUsedAt) {

  public static final int MAX_NICKNAME = 64;

  public TotpCredential {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(username, "username");
    nickname = validNickname(nickname);
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(sealedSecret, "sealedSecret");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    if (status == TotpCredentialStatus.PENDING && expiresAt == null) {
      throw new IllegalArgumentException("a pending credential needs expiresAt");
    }
  }

  public static String validNickname(String nickname) {
    if (nickname == null || nickname.isBlank()) {
      throw new IllegalArgumentException("nickname must not be blank");
    }
    String trimmed = nickname.strip();
    if (trimmed.length() > MAX_NICKNAME) {
      throw new IllegalArgumentException("nickname longer than " + MAX_NICKNAME);
    }
    return trimmed;
  }

  /** Associated data binding the sealed secret to this credential's row. */
  public static String sealContext(UUID credentialId) {
    return "totp:" + credentialId;
  }

  public boolean expiredAt(Instant now) {
    return status == TotpCredentialStatus.PENDING && !now.isBefore(expiresAt);
  }
}
