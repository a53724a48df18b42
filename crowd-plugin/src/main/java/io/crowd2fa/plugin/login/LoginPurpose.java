package io.crowd2fa.plugin.login;

/** Why the transaction exists: a full login, or a step-up for a holder of a valid Crowd token. */
public enum LoginPurpose {
  /** Password, then second factor or enrolment; completion creates a new SSO session. */
  LOGIN,
  /** The token had a valid but stale assertion: second factor, then a fresh assertion. */
  STEP_UP_REFRESH,
  /** The token had no valid assertion: second factor, then a new token replaces it. */
  STEP_UP_ROTATE
}
