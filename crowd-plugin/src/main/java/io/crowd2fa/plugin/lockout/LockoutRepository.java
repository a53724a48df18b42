package io.crowd2fa.plugin.lockout;

import java.time.Instant;
import java.util.Optional;

/** Storage of failure counters. */
public interface LockoutRepository {

  /**
   * The user's counter, created if missing, locked against every other transaction (on any node)
   * until the caller's transaction ends. This lock is what makes counting atomic.
   */
  LockoutState lockForUpdate(String username, AttemptCounter counter, Instant now);

  /** Writes a state previously obtained from {@link #lockForUpdate} in the same transaction. */
  void save(LockoutState state);

  Optional<LockoutState> find(String username, AttemptCounter counter);

  /** Deletes all of the user's counters (admin reset). */
  int deleteAll(String username);
}
