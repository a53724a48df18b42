package io.crowd2fa.plugin.engine;

import io.crowd2fa.plugin.recovery.RecoveryCodes;
import java.util.Optional;

/** Outcome of finishing an enrolment. */
public sealed interface EnrolmentResult {

  /**
   * @param firstRecoveryCodes present when this was the user's first factor: show them once
   */
  record Enrolled(EnrolledFactor factor, Optional<RecoveryCodes> firstRecoveryCodes)
      implements EnrolmentResult {}

  record EnrolmentRejected(Reason reason) implements EnrolmentResult {}

  /** Why an enrolment was not finished. */
  enum Reason {
    UNKNOWN_ENROLMENT,
    EXPIRED,
    INVALID_CODE,
    MALFORMED
  }
}
