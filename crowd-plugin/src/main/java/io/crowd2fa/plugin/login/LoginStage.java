package io.crowd2fa.plugin.login;

/** Where a login transaction stands. Completion moves it to {@link #COMPLETED}, exactly once. */
public enum LoginStage {
  /** Password (or, for a step-up, a valid Crowd token) accepted; a second factor is due. */
  SECOND_FACTOR,
  /** The policy requires a factor the user does not have; enrolment is due. */
  ENROL_REQUIRED,
  /** Enrolment is due but the user may still skip it (grace). */
  ENROL_OPTIONAL,
  /** A factor was just enrolled; the user must confirm the recovery codes were saved. */
  RECOVERY_CODES,
  /** Completed; kept only so a replay can be told apart and audited. */
  COMPLETED
}
