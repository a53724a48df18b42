package io.crowd2fa.plugin.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HousekeepingTest {

  @Test
  void runOnceRunsEverySweepAndReportsWhatEachRemoved() {
    try (Housekeeping housekeeping =
        new Housekeeping(
            List.of(new Housekeeping.Sweep("a", () -> 3), new Housekeeping.Sweep("b", () -> 0)))) {

      Housekeeping.Run run = housekeeping.runOnce();

      assertThat(run.counts()).isEqualTo(Map.of("a", 3, "b", 0));
      assertThat(run.failed()).isEmpty();
    }
  }

  @Test
  void aFailingSweepIsReportedAndTheOthersStillRunThenRetriedNextTime() {
    AtomicInteger attempts = new AtomicInteger();
    AtomicInteger after = new AtomicInteger();
    try (Housekeeping housekeeping =
        new Housekeeping(
            List.of(
                new Housekeeping.Sweep(
                    "flaky",
                    () -> {
                      if (attempts.incrementAndGet() == 1) {
                        throw new IllegalStateException("database gone");
                      }
                      return 1;
                    }),
                new Housekeeping.Sweep("after", after::incrementAndGet)))) {

      Housekeeping.Run first = housekeeping.runOnce();
      Housekeeping.Run second = housekeeping.runOnce();

      assertThat(first.failed()).containsExactly("flaky");
      assertThat(first.counts()).isEqualTo(Map.of("after", 1));
      assertThat(second.failed()).isEmpty();
      assertThat(second.counts()).isEqualTo(Map.of("flaky", 1, "after", 2));
    }
  }
}
