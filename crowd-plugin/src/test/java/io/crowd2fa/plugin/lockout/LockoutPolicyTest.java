package io.crowd2fa.plugin.lockout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LockoutPolicyTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @ParameterizedTest(name = "after{0}ConsecutiveFailuresWait{1}Seconds")
  @CsvSource({"1, 0", "4, 0", "5, 30", "6, 60", "7, 120", "9, 480", "10, 900", "99, 900"})
  void defaultBackOffStartsAtFiveDoublesFromThirtySecondsAndCapsAtFifteenMinutes(
      int failures, long waitSeconds) {
    Instant until = LockoutPolicy.DEFAULT.lockedUntil(failures, NOW);
    if (waitSeconds == 0) {
      assertThat(until).isNull();
    } else {
      assertThat(until).isEqualTo(NOW.plusSeconds(waitSeconds));
    }
  }

  @Test
  void capsAboveOneHundredAreRefused() {
    Duration thirty = Duration.ofSeconds(30);
    Duration fifteen = Duration.ofMinutes(15);
    assertThatThrownBy(() -> new LockoutPolicy(5, thirty, fifteen, 101, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hardCap");
    assertThatThrownBy(() -> new LockoutPolicy(5, thirty, fifteen, 100, 101))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hourlyCap");
  }

  @Test
  void successTakesBackTheAttemptCountedInAdvance() {
    LockoutState counted =
        LockoutState.fresh("alice", AttemptCounter.SECOND_FACTOR, NOW)
            .countAttempt(LockoutPolicy.DEFAULT, NOW);
    assertThat(counted.consecutiveFailures()).isEqualTo(1);
    assertThat(counted.windowFailures()).isEqualTo(1);

    LockoutState succeeded = counted.succeeded();

    assertThat(succeeded.consecutiveFailures()).isZero();
    assertThat(succeeded.windowFailures()).isZero();
    assertThat(succeeded.lockedUntil()).isNull();
  }

  @Test
  void hourlyWindowRestartsAfterOneHour() {
    LockoutState state = new LockoutState("bob", AttemptCounter.SECOND_FACTOR, 3, null, NOW, 100);
    assertThat(state.rollWindow(NOW.plus(Duration.ofMinutes(59))).windowFailures()).isEqualTo(100);
    LockoutState rolled = state.rollWindow(NOW.plus(Duration.ofHours(1)));
    assertThat(rolled.windowFailures()).isZero();
    assertThat(rolled.consecutiveFailures()).isEqualTo(3);
  }
}
