package io.crowd2fa.plugin.totp;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Storage of TOTP credentials. The single-use rule lives in {@link #acceptStep}: a conditional
 * update in the database, so two nodes can never both accept the same or an older step.
 */
public interface TotpCredentialRepository {

  void insert(TotpCredential credential);

  Optional<TotpCredential> find(String username, UUID id);

  /** Active and disabled credentials of a user (pending ones are not factors yet). */
  List<TotpCredential> enrolled(String username);

  List<TotpCredential> active(String username);

  /** Pending → active, only while unexpired; records the confirming step as used. */
  boolean activate(UUID id, long confirmedStep, Instant now);

  /**
   * Records {@code step} as used if the credential is active and {@code step} is greater than its
   * last accepted step. Returns false if another request (on any node) got there first.
   */
  boolean acceptStep(UUID id, long step, Instant now);

  boolean rename(String username, UUID id, String nickname);

  boolean remove(String username, UUID id);

  /** Disables every active credential of the user; returns how many. */
  int disableAll(String username);

  /** Deletes the user's disabled credentials (after an admin reset they must be enrolled again). */
  int removeDisabled(String username);

  /** Deletes pending enrolments that expired before {@code now} and returns them for auditing. */
  List<TotpCredential> removeExpiredPending(Instant now);
}
