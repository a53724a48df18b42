package io.crowd2fa.plugin.engine;

/** Second-factor kinds, with their RFC 8176 {@code amr} value used in the assertion. */
public enum FactorType {
  TOTP("otp"),
  WEBAUTHN("hwk"),
  RECOVERY_CODE("rc");

  private final String amr;

  FactorType(String amr) {
    this.amr = amr;
  }

  public String amr() {
    return amr;
  }
}
