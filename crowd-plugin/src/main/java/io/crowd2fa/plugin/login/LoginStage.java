package io.crowd2fa.plugin.login;

/** Where a login transaction stands. Completion moves it to {@link #COMPLETED}, exactly once. */
public enum LoginStage {
  /** Password (or, for a step-up, a valid Crowd token) accepted; a second factor is due. */
  SECOND_FACTOR,
  /**
   * The policy requires a kind of factor the user does not have, but they have another: they prove
   * that one first, then enrolment ({@link #ENROL_REQUIRED}) follows. A password alone must never
   * bind a new factor to an account that has one (NIST SP 800-63B §6.1.2.3), or a stolen password
   * could add the thief's security key.
   */
  PROVE_THEN_ENROL,
  /** As {@link #PROVE_THEN_ENROL}, with {@link #ENROL_OPTIONAL} after the proof (grace). */
  PROVE_THEN_OPTIONAL_ENROL,
  /** The policy requires a factor the user does not have; enrolment is due. */
  ENROL_REQUIRED,
  /** Enrolment is due but the user may still skip it (grace). */
  ENROL_OPTIONAL,
  /** A factor was just enrolled; the user must confirm the recovery codes were saved. */
  RECOVERY_CODES,
  /** Completed; kept only so a replay can be told apart and audited. */
  COMPLETED;

  /** Whether the challenge page (a second factor the user has) is what comes next. */
  public boolean asksForSecondFactor() {
    return this == SECOND_FACTOR || provesBeforeEnrolment();
  }

  public boolean provesBeforeEnrolment() {
    return this == PROVE_THEN_ENROL || this == PROVE_THEN_OPTIONAL_ENROL;
  }

  /** The enrolment stage that follows the proof of a {@link #provesBeforeEnrolment} stage. */
  public LoginStage enrolmentAfterProof() {
    return switch (this) {
      case PROVE_THEN_ENROL -> ENROL_REQUIRED;
      case PROVE_THEN_OPTIONAL_ENROL -> ENROL_OPTIONAL;
      default -> throw new IllegalStateException(this + " is not followed by enrolment");
    };
  }
}
