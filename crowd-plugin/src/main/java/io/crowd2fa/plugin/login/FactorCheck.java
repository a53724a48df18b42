package io.crowd2fa.plugin.login;

import io.crowd2fa.model.assertion.AuthMethod;
import java.time.Instant;
import java.util.Optional;

/** Outcome of checking a second factor, as the login flow needs it. */
public sealed interface FactorCheck {

  /** The factor passed; {@code method} goes into {@code amr}. */
  record Verified(AuthMethod method) implements FactorCheck {}

  /** Wrong, malformed, replayed or unknown: one generic answer to the user (no oracle). */
  record Rejected() implements FactorCheck {}

  /**
   * Too many failures. {@code until} is when the user may try again; empty means the factor is
   * disabled and only an administrator can help.
   */
  record LockedOut(Optional<Instant> until) implements FactorCheck {}
}
