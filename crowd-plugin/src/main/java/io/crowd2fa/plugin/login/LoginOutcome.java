package io.crowd2fa.plugin.login;

import io.crowd2fa.plugin.totp.TotpEnrolment;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What a step of the login flow ended in; the web layer turns each into a page or a redirect. */
public sealed interface LoginOutcome {

  /** The login goes on at {@code stage}; the browser keeps {@code handle} in its login cookie. */
  record Proceed(String handle, LoginStage stage) implements LoginOutcome {}

  /**
   * Done: set the cookies of {@code grant} and go to {@code destination} (else the landing page).
   */
  record Completed(SsoGrant grant, Optional<URI> destination) implements LoginOutcome {}

  /** Unknown user, wrong password or inactive account: one message for all. */
  record InvalidCredentials() implements LoginOutcome {}

  /** Too many password attempts from this address or for this username. */
  record Throttled() implements LoginOutcome {}

  /**
   * The policy (or Crowd, when creating the session) refuses this user. {@code reason} is the deny
   * rule's administrator-written reason, shown only to someone who has proven the password; empty
   * when there is none to show.
   */
  record Denied(Optional<String> reason) implements LoginOutcome {
    public Denied {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The second factor did not pass; the page is shown again with a generic message. */
  record WrongCode(String handle, LoginStage stage) implements LoginOutcome {}

  /** The security key is not on the organisation's trust list; enrolment is offered again. */
  record KeyNotAllowed(String handle, LoginStage stage) implements LoginOutcome {}

  /** Locked out: until {@code until}, or (empty) until an administrator helps. */
  record LockedOut(Optional<Instant> until) implements LoginOutcome {}

  /** No live login for this browser at this step: start again (nothing is revealed). */
  record NoLogin() implements LoginOutcome {}

  /** TOTP enrolment begun: show the QR code and the key. */
  record EnrolTotp(String handle, TotpEnrolment enrolment) implements LoginOutcome {}

  /** A factor was enrolled: show these recovery codes once. */
  record RecoveryCodes(String handle, List<String> codes) implements LoginOutcome {}

  /** The user has a Crowd token but must log in fully (no factor to step up with). */
  record FullLoginNeeded(Optional<URI> destination) implements LoginOutcome {}
}
