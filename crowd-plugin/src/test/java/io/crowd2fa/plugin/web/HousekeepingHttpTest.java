package io.crowd2fa.plugin.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowd2fa.plugin.config.ServiceConfigLoader;
import io.crowd2fa.plugin.housekeeping.Housekeeping;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Abandoned logins, ceremonies and enrolments are swept by a second node on the same database. */
class HousekeepingHttpTest extends HarnessTest {

  @Test
  void abandonedLoginsCeremoniesAndEnrolmentsAreSweptOnceTheyExpire() {
    ServiceHarness.Browser alice = harness.browser();
    steps.password(alice, "alice", ServiceHarness.JIRA);
    assertThat(alice.post("/enrol/totp", Map.of()).statusCode()).isEqualTo(200);
    ServiceHarness.Browser bob = harness.browser();
    steps.password(bob, "bob", ServiceHarness.JIRA);
    assertThat(bob.post("/enrol/key", Map.of()).statusCode()).isEqualTo(200);

    try (ServiceAssembly otherNode =
        ServiceAssembly.start(
            ServiceConfigLoader.load(harness.home.resolve("crowd2fa.properties"), Map.of()),
            harness.clock,
            Map.of())) {
      Housekeeping.Run early = otherNode.housekeeping().runOnce();
      harness.clock.advance(Duration.ofMinutes(10).plusSeconds(1));
      Housekeeping.Run expired = otherNode.housekeeping().runOnce();
      Housekeeping.Run again = otherNode.housekeeping().runOnce();

      assertThat(early.counts())
          .containsOnlyKeys(expired.counts().keySet())
          .allSatisfy((sweep, removed) -> assertThat(removed).as(sweep).isZero());
      assertThat(expired.counts())
          .isEqualTo(
              Map.of(
                  "expired login transactions", 2,
                  "expired WebAuthn ceremonies", 1,
                  "expired TOTP enrolments", 1,
                  "policy file versions", 0));
      assertThat(expired.failed()).isEmpty();
      assertThat(again.counts().values()).containsOnly(0);
    }
    assertThat(harness.auditDetails("TOTP_ENROLMENT_EXPIRED"))
        .singleElement()
        .satisfies(d -> assertThat(d).startsWith("alice credential ").contains(" expired at "));
    assertThat(alice.post("/enrol/totp", Map.of()).body())
        .as("the swept login is gone: the user starts again")
        .contains("name=\"os_username\"");
  }
}
