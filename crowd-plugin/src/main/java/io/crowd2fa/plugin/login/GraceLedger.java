package io.crowd2fa.plugin.login;

import io.crowd2fa.plugin.policy.GraceState;

/** How much enrolment grace each user has used (logins completed by skipping enrolment). */
public interface GraceLedger {

  GraceState stateOf(String username);

  /** Counts one login completed without enrolling. */
  void recordSkip(String username);
}
