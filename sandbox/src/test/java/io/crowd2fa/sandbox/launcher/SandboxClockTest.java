package io.crowd2fa.sandbox.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SandboxClockTest {

  private static final Instant START = Instant.parse("2026-11-28T12:00:00Z");
  private final SandboxClock clock = SandboxClock.over(Clock.fixed(START, ZoneOffset.UTC));

  @Test
  void advanceWhenPositiveThenEveryReaderSeesTheLaterTime() {
    clock.advance(Duration.ofMinutes(16));

    assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofMinutes(16)));
    assertThat(clock.offset()).isEqualTo(Duration.ofMinutes(16));
  }

  @Test
  void advanceWhenNegativeOrZeroThenRefusedAndTimeUnchanged() {
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> clock.advance(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(clock.instant()).isEqualTo(START);
  }

  @Test
  void withZoneWhenAdvancedLaterThenZonedViewFollows() {
    Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));

    clock.advance(Duration.ofHours(1));

    assertThat(paris.instant()).isEqualTo(START.plus(Duration.ofHours(1)));
    assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
  }
}
