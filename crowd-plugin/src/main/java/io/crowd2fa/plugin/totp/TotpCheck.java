package io.crowd2fa.plugin.totp;

import java.util.UUID;

/** Outcome of checking a code against a user's active TOTP credentials. */
public sealed interface TotpCheck {

  record Accepted(UUID credentialId, long step) implements TotpCheck {}

  /** The code is right but its step was already used, or is older than the last used one. */
  record Replayed(UUID credentialId, long step, long lastUsedStep) implements TotpCheck {}

  record NoMatch() implements TotpCheck {}

  record Malformed(String reason) implements TotpCheck {}

  record NotEnrolled() implements TotpCheck {}

  /** Every TOTP credential of the user is disabled (hard cap reached). */
  record Disabled() implements TotpCheck {}
}
