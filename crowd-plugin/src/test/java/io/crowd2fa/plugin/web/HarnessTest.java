package io.crowd2fa.plugin.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the HTTP tests: a fresh service on its own harness (Crowd stand-in, database, clock) for
 * each test, and the steps a person takes through its pages.
 */
abstract class HarnessTest {

  ServiceHarness harness;
  Steps steps;

  @BeforeEach
  void startHarness() throws Exception {
    harness = new ServiceHarness();
    steps = new Steps(harness);
  }

  @AfterEach
  void stopHarness() throws Exception {
    harness.close();
  }
}
