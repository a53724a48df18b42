package io.crowd2fa.plugin.engine;

import java.util.UUID;

/**
 * What a factor's own check found, before lockout and audit are applied. Details are audit-only and
 * must not contain secrets.
 */
public sealed interface FactorCheckOutcome {

  record Match(UUID factorId, String detail) implements FactorCheckOutcome {}

  record NoMatch(String detail) implements FactorCheckOutcome {}

  /** Right credential, but a response already used (TOTP step, WebAuthn challenge, counter). */
  record Replay(String detail) implements FactorCheckOutcome {}

  record Malformed(String detail) implements FactorCheckOutcome {}
}
