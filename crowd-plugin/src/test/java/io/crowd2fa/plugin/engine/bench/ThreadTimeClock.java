package io.crowd2fa.plugin.engine.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Each benchmark thread has its own time, moved one TOTP step per operation, so every operation
 * verifies a fresh, never-used step of that thread's own user.
 */
final class ThreadTimeClock extends Clock {

  private final ThreadLocal<Instant> now =
      ThreadLocal.withInitial(() -> Instant.ofEpochSecond(56_666_667L * 30 + 10));

  void set(Instant instant) {
    now.set(instant);
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }
}
