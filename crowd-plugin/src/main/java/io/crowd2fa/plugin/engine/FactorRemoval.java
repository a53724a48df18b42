package io.crowd2fa.plugin.engine;

/** Outcome of a user removing one of their own second factors. */
public sealed interface FactorRemoval {

  /** The factor is gone; its codes or signatures no longer verify. */
  record Removed() implements FactorRemoval {}

  /** The user has no factor of that kind with that id (someone else's id, or already removed). */
  record NotFound() implements FactorRemoval {}

  /**
   * Refused: it is the user's last active second factor. Without it the next password-only login
   * would be asked to enrol a new factor, so a stolen password could replace the user's second
   * factor; an admin reset is the way to start over.
   */
  record LastActiveFactor() implements FactorRemoval {}
}
