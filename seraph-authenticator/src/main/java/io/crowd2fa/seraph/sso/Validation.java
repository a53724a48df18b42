package io.crowd2fa.seraph.sso;

import java.security.Principal;

/** The outcome of a full (slow-path) validation of a request's Crowd token and assertion. */
sealed interface Validation {

  /** Token valid at Crowd, assertion valid and fresh enough, product session established. */
  record SignedIn(Principal principal) implements Validation {}

  /** No Crowd token: the user has not signed in at the central login. */
  record NoToken() implements Validation {}

  /** A Crowd token without an acceptable assertion, or one too old here: second factor again. */
  record StepUpNeeded(String why) implements Validation {}

  /** Crowd or the product refused (token invalid, user mismatch, not allowed to log in). */
  record Refused(String why) implements Validation {}

  /** Crowd or the service could not be asked: fail closed (DESIGN D5). */
  record Unavailable(String why) implements Validation {}
}
