package io.crowd2fa.plugin.totp;

import java.time.Instant;
import java.util.UUID;

/**
 * What the user needs to add a pending credential to an authenticator app. Shown once; the web
 * layer must not log or cache it.
 *
 * @param base32Secret for manual entry
 * @param otpauthUri {@code otpauth://totp/issuer:username?secret=...&issuer=...}
 * @param qrCodeDataUri the same URI as a PNG {@code data:} URI, so no second endpoint serves it
 */
public record TotpEnrolment(
    UUID credentialId,
    String nickname,
    String base32Secret,
    String otpauthUri,
    String qrCodeDataUri,
    Instant expiresAt) {

  @Override
  public String toString() {
    return "TotpEnrolment[credentialId=" + credentialId + ", expiresAt=" + expiresAt + "]";
  }
}
