package io.crowd2fa.plugin.lockout;

/**
 * Which failure counter an attempt counts against. TOTP and WebAuthn share the second-factor
 * counter of a user; recovery codes have their own, so a locked second factor still leaves the way
 * back in through a recovery code.
 */
public enum AttemptCounter {
  SECOND_FACTOR,
  RECOVERY_CODE
}
