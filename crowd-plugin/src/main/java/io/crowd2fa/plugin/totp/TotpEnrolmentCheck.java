package io.crowd2fa.plugin.totp;

/** Outcome of confirming a pending enrolment with a code. */
public sealed interface TotpEnrolmentCheck {

  record Activated(TotpCredential credential) implements TotpEnrolmentCheck {}

  record UnknownEnrolment() implements TotpEnrolmentCheck {}

  record Expired() implements TotpEnrolmentCheck {}

  record WrongCode() implements TotpEnrolmentCheck {}

  record Malformed(String reason) implements TotpEnrolmentCheck {}
}
