package io.crowd2fa.plugin.engine;

import java.time.Instant;
import java.util.UUID;

/** Outcome of a second-factor verification. */
public sealed interface VerificationResult {

  /** The factor passed; {@code factor.amr()} goes into the assertion. */
  record Accepted(FactorType factor, UUID factorId) implements VerificationResult {}

  record Rejected(RejectionReason reason) implements VerificationResult {}

  /** Too many failures: no attempt is verified before {@code until}. */
  record LockedUntil(Instant until) implements VerificationResult {}

  /** The factor was disabled at the hard cap and must be enrolled again. */
  record Disabled(FactorType factor) implements VerificationResult {}
}
