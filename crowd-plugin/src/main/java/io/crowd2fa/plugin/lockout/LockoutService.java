package io.crowd2fa.plugin.lockout;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Counts second-factor attempts. The caller runs {@link #beginAttempt}, the verification and {@link
 * #recordSuccess}/{@link #recordFailure} in one transaction: the counter row stays locked
 * throughout, so parallel attempts of one user (on any node) are verified one after another and
 * each sees the count the previous one left.
 */
public final class LockoutService {

  private final LockoutPolicy policy;
  private final LockoutRepository repository;

  public LockoutService(LockoutPolicy policy, LockoutRepository repository) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.repository = Objects.requireNonNull(repository, "repository");
  }

  public AttemptDecision beginAttempt(String username, AttemptCounter counter, Instant now) {
    LockoutState state = repository.lockForUpdate(username, counter, now).rollWindow(now);
    if (state.lockedAt(now)) {
      return new AttemptDecision.Locked(
          state.lockedUntil(),
          "back-off after " + state.consecutiveFailures() + " consecutive failures");
    }
    if (state.windowFailures() >= policy.hourlyCap()) {
      return new AttemptDecision.Locked(
          state.windowStartedAt().plus(LockoutPolicy.HOUR),
          "hourly cap of " + policy.hourlyCap() + " failures reached");
    }
    LockoutState counted = state.countAttempt(policy, now);
    repository.save(counted);
    return new AttemptDecision.Permitted(counted);
  }

  public void recordSuccess(String username, AttemptCounter counter, Instant now) {
    repository.save(repository.lockForUpdate(username, counter, now).succeeded());
  }

  /** The attempt stays counted; at the hard cap the counter restarts for the remaining factors. */
  public FailureConsequence recordFailure(String username, AttemptCounter counter, Instant now) {
    LockoutState state = repository.lockForUpdate(username, counter, now);
    if (state.consecutiveFailures() >= policy.hardCap()) {
      repository.save(state.withConsecutiveReset());
      return new FailureConsequence.HardCapReached(state.consecutiveFailures());
    }
    if (state.lockedUntil() != null) {
      return new FailureConsequence.LockedOut(state.consecutiveFailures(), state.lockedUntil());
    }
    return new FailureConsequence.Counted(state.consecutiveFailures());
  }

  /**
   * Holds the user's second-factor counter row until the caller's transaction ends, so a change to
   * the user's factors is serialised with their verifications and other changes on every node.
   */
  public void holdUser(String username, Instant now) {
    repository.lockForUpdate(username, AttemptCounter.SECOND_FACTOR, now);
  }

  public Optional<LockoutState> status(String username, AttemptCounter counter) {
    return repository.find(username, counter);
  }

  public int reset(String username) {
    return repository.deleteAll(username);
  }

  public LockoutPolicy policy() {
    return policy;
  }
}
