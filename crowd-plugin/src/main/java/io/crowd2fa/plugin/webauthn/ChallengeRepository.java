package io.crowd2fa.plugin.webauthn;

import java.time.Instant;
import java.util.Optional;

/** Pending ceremonies, one per login transaction and kind, in the shared database. */
public interface ChallengeRepository {

  /** Stores the ceremony, replacing an earlier one of the same transaction and kind. */
  void save(PendingCeremony ceremony);

  /**
   * Removes and returns the ceremony of this transaction and kind, expired or not. Atomic (a delete
   * whose row count decides), so of two concurrent calls on any nodes only one gets it.
   */
  Optional<PendingCeremony> consume(String loginTransactionId, CeremonyKind kind);

  /** Deletes ceremonies that expired before {@code now}; returns how many. */
  int removeExpired(Instant now);
}
