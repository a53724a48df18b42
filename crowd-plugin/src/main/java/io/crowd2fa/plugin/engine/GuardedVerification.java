package io.crowd2fa.plugin.engine;

import io.crowd2fa.plugin.audit.AuditEventType;
import io.crowd2fa.plugin.lockout.AttemptCounter;
import io.crowd2fa.plugin.lockout.AttemptDecision;
import io.crowd2fa.plugin.lockout.FailureConsequence;
import io.crowd2fa.plugin.lockout.LockoutService;
import java.time.Instant;
import java.util.function.IntSupplier;

/**
 * Count, verify, record, audit: the one path every second-factor attempt takes. The caller runs it
 * inside one transaction.
 */
final class GuardedVerification {

  /** One attempt against one factor kind. */
  record Attempt(
      String username,
      FactorType factor,
      AttemptCounter counter,
      RequestContext context,
      AuditEventType eventType,
      AuditEventType replayEventType,
      FactorCheck check,
      IntSupplier disableFactor) {}

  private final LockoutService lockout;
  private final EngineAudit audit;

  GuardedVerification(LockoutService lockout, EngineAudit audit) {
    this.lockout = lockout;
    this.audit = audit;
  }

  VerificationResult run(Attempt attempt, Instant now) {
    AttemptDecision decision = lockout.beginAttempt(attempt.username(), attempt.counter(), now);
    if (decision instanceof AttemptDecision.Locked locked) {
      audit.failure(
          now,
          attempt.username(),
          attempt.context(),
          AuditEventType.LOCKOUT,
          attempt.factor() + " attempt refused: " + locked.reason() + ", until " + locked.until());
      return new VerificationResult.LockedUntil(locked.until());
    }
    FactorCheckOutcome outcome = attempt.check().check(now);
    if (outcome instanceof FactorCheckOutcome.Match match) {
      lockout.recordSuccess(attempt.username(), attempt.counter(), now);
      audit.success(
          now, attempt.username(), attempt.context(), attempt.eventType(), match.detail());
      return new VerificationResult.Accepted(attempt.factor(), match.factorId());
    }
    return failed(attempt, outcome, now);
  }

  private VerificationResult failed(Attempt attempt, FactorCheckOutcome outcome, Instant now) {
    FailureConsequence consequence =
        lockout.recordFailure(attempt.username(), attempt.counter(), now);
    RejectionReason reason;
    AuditEventType type = attempt.eventType();
    String detail;
    if (outcome instanceof FactorCheckOutcome.Replay replay) {
      reason = RejectionReason.REPLAYED;
      type = attempt.replayEventType();
      detail = "replay: " + replay.detail();
    } else if (outcome instanceof FactorCheckOutcome.Malformed malformed) {
      reason = RejectionReason.MALFORMED;
      detail = "malformed input: " + malformed.detail();
    } else {
      reason = RejectionReason.INVALID_CODE;
      detail = "no match: " + ((FactorCheckOutcome.NoMatch) outcome).detail();
    }
    audit.failure(
        now,
        attempt.username(),
        attempt.context(),
        type,
        detail + " (consecutive failures: " + failures(consequence) + ")");
    return consequence(attempt, consequence, reason, now);
  }

  private VerificationResult consequence(
      Attempt attempt, FailureConsequence consequence, RejectionReason reason, Instant now) {
    if (consequence instanceof FailureConsequence.HardCapReached capped) {
      int disabled = attempt.disableFactor().getAsInt();
      audit.failure(
          now,
          attempt.username(),
          attempt.context(),
          AuditEventType.FACTOR_DISABLED,
          attempt.factor()
              + ": "
              + disabled
              + " disabled after "
              + capped.consecutiveFailures()
              + " consecutive failures (hard cap)");
      return new VerificationResult.Disabled(attempt.factor());
    }
    if (consequence instanceof FailureConsequence.LockedOut locked) {
      audit.failure(
          now,
          attempt.username(),
          attempt.context(),
          AuditEventType.LOCKOUT,
          attempt.counter()
              + " locked until "
              + locked.until()
              + " after "
              + locked.consecutiveFailures()
              + " consecutive failures");
    }
    return new VerificationResult.Rejected(reason);
  }

  private static int failures(FailureConsequence consequence) {
    if (consequence instanceof FailureConsequence.Counted counted) {
      return counted.consecutiveFailures();
    }
    if (consequence instanceof FailureConsequence.LockedOut locked) {
      return locked.consecutiveFailures();
    }
    return ((FailureConsequence.HardCapReached) consequence).consecutiveFailures();
  }
}
