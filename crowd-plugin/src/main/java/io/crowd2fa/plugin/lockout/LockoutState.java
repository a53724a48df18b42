package io.crowd2fa.plugin.lockout;

import java.time.Instant;
import java.util.Objects;

/**
 * One user's failure counter.
 *
 * @param consecutiveFailures failures since the last success; attempts are counted as failures
 *     before they are verified and taken back on success
 * @param lockedUntil no attempt before this instant; {@code null} if none
 * @param windowStartedAt start of the current one-hour window of {@code windowFailures}
 */
public record LockoutState(
    String username,
    AttemptCounter counter,
    int consecutiveFailures,
    Instant lockedUntil,
    Instant windowStartedAt,
    int windowFailures) {

  public LockoutState {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(counter, "counter");
    Objects.requireNonNull(windowStartedAt, "windowStartedAt");
    if (consecutiveFailures < 0 || windowFailures < 0) {
      throw new IllegalArgumentException("failure counts cannot be negative");
    }
  }

  public static LockoutState fresh(String username, AttemptCounter counter, Instant now) {
    return new LockoutState(username, counter, 0, null, now, 0);
  }

  LockoutState rollWindow(Instant now) {
    if (now.isBefore(windowStartedAt.plus(LockoutPolicy.HOUR))) {
      return this;
    }
    return new LockoutState(username, counter, consecutiveFailures, lockedUntil, now, 0);
  }

  LockoutState countAttempt(LockoutPolicy policy, Instant now) {
    int failures = consecutiveFailures + 1;
    return new LockoutState(
        username,
        counter,
        failures,
        policy.lockedUntil(failures, now),
        windowStartedAt,
        windowFailures + 1);
  }

  LockoutState succeeded() {
    return new LockoutState(
        username, counter, 0, null, windowStartedAt, Math.max(0, windowFailures - 1));
  }

  LockoutState withConsecutiveReset() {
    return new LockoutState(username, counter, 0, null, windowStartedAt, windowFailures);
  }

  public boolean lockedAt(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }
}
