package io.crowd2fa.model.assertion;

import java.util.Arrays;
import java.util.Optional;

/**
 * Authentication method references carried in the {@code amr} claim of the 2FA assertion (values
 * after RFC 8176 where one exists).
 */
public enum AuthMethod {
  /** The Crowd password. */
  PASSWORD("pwd"),
  /** A TOTP code from an authenticator app. */
  OTP("otp"),
  /** A WebAuthn security key or passkey. */
  HARDWARE_KEY("hwk"),
  /** A single-use recovery code. */
  RECOVERY_CODE("rc");

  private final String claimValue;

  AuthMethod(String claimValue) {
    this.claimValue = claimValue;
  }

  public String claimValue() {
    return claimValue;
  }

  public boolean isSecondFactor() {
    return this != PASSWORD;
  }

  public static Optional<AuthMethod> fromClaimValue(String value) {
    return Arrays.stream(values()).filter(m -> m.claimValue.equals(value)).findFirst();
  }
}
