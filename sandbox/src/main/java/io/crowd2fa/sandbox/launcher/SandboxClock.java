package io.crowd2fa.sandbox.launcher;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one clock of the whole sandbox: the system clock plus an offset that only moves forward. The
 * launcher puts it in every servlet context as {@code io.crowd2fa.clock}, so that the service and
 * the authenticators see the same time and step-up, expiry and lockout can be shown without
 * waiting. It exists only in the sandbox; the shipped jars read the attribute but never set it.
 */
public final class SandboxClock extends Clock {

  /** The servlet-context attribute the shipped jars look for. */
  public static final String CONTEXT_ATTRIBUTE = "io.crowd2fa.clock";

  private final Clock base;
  private final AtomicReference<Duration> offset;

  private SandboxClock(Clock base, AtomicReference<Duration> offset) {
    this.base = Objects.requireNonNull(base, "base");
    this.offset = offset;
  }

  public static SandboxClock systemUtc() {
    return over(Clock.systemUTC());
  }

  public static SandboxClock over(Clock base) {
    return new SandboxClock(base, new AtomicReference<>(Duration.ZERO));
  }

  /**
   * Moves the time of every app forward. Going back is refused: a TOTP step or a lockout window
   * that had already passed would come back, which never happens to a real clock.
   */
  public Instant advance(Duration amount) {
    if (amount == null || amount.isNegative() || amount.isZero()) {
      throw new IllegalArgumentException("the sandbox clock only moves forward");
    }
    offset.accumulateAndGet(amount, Duration::plus);
    return instant();
  }

  public Duration offset() {
    return offset.get();
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    // Shares the offset, so a zoned view keeps following the sandbox time.
    return new SandboxClock(base.withZone(zone), offset);
  }
}
