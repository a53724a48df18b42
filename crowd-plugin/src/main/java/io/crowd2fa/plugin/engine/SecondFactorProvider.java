package io.crowd2fa.plugin.engine;

import java.util.List;
import java.util.UUID;

/**
 * The seam through which a factor kind other than TOTP (WebAuthn) joins the engine's factor list,
 * rename/remove, hard-cap disabling and admin reset. Its verification goes through {@link
 * TwoFactorEngine#verifyWithLockout}.
 */
public interface SecondFactorProvider {

  FactorType type();

  /** Active and disabled factors of the user. */
  List<EnrolledFactor> enrolled(String username);

  boolean rename(String username, UUID factorId, String nickname);

  boolean remove(String username, UUID factorId);

  /** Disables all active factors of this kind of the user (hard cap); returns how many. */
  int disableAll(String username);

  /**
   * Deletes the user's factors of this kind that {@link #enrolled} lists as disabled (admin reset:
   * the user enrols again); returns how many.
   */
  int removeDisabled(String username);
}
