package io.crowd2fa.plugin.login;

import java.time.Instant;
import java.util.Optional;

/**
 * Where login transactions live, shared by every node. Every transition is conditional on the
 * expected stage and version, so two requests (or two nodes) racing on one transaction cannot both
 * move it.
 */
public interface LoginTransactionStore {

  void insert(LoginTransaction tx);

  /** The transaction for {@code handleHash}, whatever its stage or expiry. */
  Optional<LoginTransaction> find(String handleHash);

  /**
   * Moves {@code current} to {@code next} if nobody moved it since it was read and it has not
   * expired at {@code now}; true when this call won.
   */
  boolean transition(LoginTransaction current, LoginTransaction next, Instant now);

  /** Deletes transactions that expired before {@code now}; returns how many. */
  int deleteExpired(Instant now);
}
