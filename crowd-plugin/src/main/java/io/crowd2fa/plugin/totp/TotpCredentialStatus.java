package io.crowd2fa.plugin.totp;

/** Lifecycle of a TOTP credential. */
public enum TotpCredentialStatus {
  /** Secret shown, not yet confirmed by a valid code; expires. */
  PENDING,
  /** Usable for verification. */
  ACTIVE,
  /** Disabled after the hard cap of consecutive failures; must be enrolled again. */
  DISABLED
}
