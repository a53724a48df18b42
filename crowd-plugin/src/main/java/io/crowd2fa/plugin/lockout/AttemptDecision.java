package io.crowd2fa.plugin.lockout;

import java.time.Instant;

/** Whether an attempt may be verified; decided (and counted) before verification. */
public sealed interface AttemptDecision {

  /** The attempt was counted as a failure in advance; verify it now. */
  record Permitted(LockoutState counted) implements AttemptDecision {}

  /**
   * @param reason audit-only: back-off or hourly cap
   */
  record Locked(Instant until, String reason) implements AttemptDecision {}
}
