package io.crowd2fa.plugin.lockout;

import java.time.Instant;

/** What a failed attempt led to. */
public sealed interface FailureConsequence {

  record Counted(int consecutiveFailures) implements FailureConsequence {}

  record LockedOut(int consecutiveFailures, Instant until) implements FailureConsequence {}

  /** The hard cap was reached: the caller disables the attacked factor. */
  record HardCapReached(int consecutiveFailures) implements FailureConsequence {}
}
