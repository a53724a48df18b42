package io.crowd2fa.plugin.recovery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Storage of recovery-code hashes. */
public interface RecoveryCodeRepository {

  /**
   * Replaces the user's whole set in one transaction, serialised per user, so no moment exists
   * where old and new codes are both valid and two concurrent regenerations leave one set.
   */
  void replaceSet(String username, List<StoredRecoveryCode> codes, Instant now);

  Optional<StoredRecoveryCode> findUnused(String username, String codeId);

  /** Marks the code used if it is still unused; false if another request consumed it first. */
  boolean consume(UUID id, Instant now);

  int countUnused(String username);

  /** Deletes the user's codes; returns how many. */
  int deleteAll(String username);
}
