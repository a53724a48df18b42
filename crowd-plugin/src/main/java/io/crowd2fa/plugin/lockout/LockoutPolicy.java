package io.crowd2fa.plugin.lockout;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Throttling of second-factor guesses (NIST SP 800-63B §3.2.2, OWASP ASVS 2.2.1).
 *
 * @param freeAttempts consecutive failures before back-off starts
 * @param initialBackoff wait after the {@code freeAttempts}-th consecutive failure; doubles after
 *     each further one
 * @param maxBackoff cap of the wait
 * @param hardCap consecutive failures after which the attacked factor is disabled (at most 100)
 * @param hourlyCap failures per user per hour (at most 100)
 */
public record LockoutPolicy(
    int freeAttempts, Duration initialBackoff, Duration maxBackoff, int hardCap, int hourlyCap) {

  public static final Duration HOUR = Duration.ofHours(1);
  public static final LockoutPolicy DEFAULT =
      new LockoutPolicy(5, Duration.ofSeconds(30), Duration.ofMinutes(15), 100, 100);

  public LockoutPolicy {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (freeAttempts < 1) {
      throw new IllegalArgumentException("freeAttempts must be >= 1");
    }
    if (initialBackoff.isNegative() || initialBackoff.isZero()) {
      throw new IllegalArgumentException("initialBackoff must be positive");
    }
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("maxBackoff must be >= initialBackoff");
    }
    if (hardCap < freeAttempts || hardCap > 100) {
      throw new IllegalArgumentException("hardCap must be freeAttempts..100 (NIST SP 800-63B)");
    }
    if (hourlyCap < 1 || hourlyCap > 100) {
      throw new IllegalArgumentException("hourlyCap must be 1..100 (OWASP ASVS 2.2.1)");
    }
  }

  /**
   * When the next attempt may be made after {@code consecutiveFailures} failures in a row, or
   * {@code null} if it may be made at once.
   */
  public Instant lockedUntil(int consecutiveFailures, Instant now) {
    if (consecutiveFailures < freeAttempts) {
      return null;
    }
    int doublings = Math.min(consecutiveFailures - freeAttempts, 30);
    Duration wait = initialBackoff.multipliedBy(1L << doublings);
    return now.plus(wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait);
  }
}
