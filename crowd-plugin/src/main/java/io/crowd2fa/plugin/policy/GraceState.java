package io.crowd2fa.plugin.policy;

/** How much enrolment grace the user has already used: logins completed without enrolling. */
public record GraceState(int loginsWithoutEnrolment) {
  public static final GraceState UNUSED = new GraceState(0);

  public GraceState {
    if (loginsWithoutEnrolment < 0) {
      throw new IllegalArgumentException("loginsWithoutEnrolment must not be negative");
    }
  }
}
