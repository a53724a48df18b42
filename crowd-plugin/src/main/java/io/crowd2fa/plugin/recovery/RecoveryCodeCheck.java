package io.crowd2fa.plugin.recovery;

/** Outcome of checking a recovery code. */
public sealed interface RecoveryCodeCheck {

  record Consumed(String codeId, int remaining) implements RecoveryCodeCheck {}

  /** Unknown identifier, wrong secret, or already used: the user is not told which. */
  record NoMatch(String detail) implements RecoveryCodeCheck {}

  record Malformed(String reason) implements RecoveryCodeCheck {}
}
