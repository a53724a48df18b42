package io.crowd2fa.plugin.engine;

import io.crowd2fa.plugin.audit.AuditEventType;
import io.crowd2fa.plugin.audit.AuditLog;
import io.crowd2fa.plugin.audit.AuditPage;
import io.crowd2fa.plugin.audit.AuditQuery;
import io.crowd2fa.plugin.audit.AuditSearch;
import io.crowd2fa.plugin.audit.AuditSearchPage;
import io.crowd2fa.plugin.crypto.SecretBox;
import io.crowd2fa.plugin.lockout.AttemptCounter;
import io.crowd2fa.plugin.lockout.LockoutPolicy;
import io.crowd2fa.plugin.lockout.LockoutService;
import io.crowd2fa.plugin.lockout.LockoutState;
import io.crowd2fa.plugin.recovery.RecoveryCodeCheck;
import io.crowd2fa.plugin.recovery.RecoveryCodeService;
import io.crowd2fa.plugin.recovery.RecoveryCodes;
import io.crowd2fa.plugin.totp.TotpCheck;
import io.crowd2fa.plugin.totp.TotpCredential;
import io.crowd2fa.plugin.totp.TotpEnrolment;
import io.crowd2fa.plugin.totp.TotpEnrolmentCheck;
import io.crowd2fa.plugin.totp.TotpService;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The façade the web layer calls: enrol, verify, manage and reset second factors. Servlet-free and
 * ORM-free; every verification counts the attempt, checks, consumes single-use state and writes its
 * audit event in one database transaction.
 */
public final class TwoFactorEngine {

  private final Clock clock;
  private final TransactionRunner transactions;
  private final TotpService totp;
  private final RecoveryCodeService recoveryCodes;
  private final LockoutService lockout;
  private final AuditLog auditLog;
  private final EngineAudit audit;
  private final GuardedVerification guarded;
  private final Map<FactorType, SecondFactorProvider> providers = new EnumMap<>(FactorType.class);
  private final EnginePorts ports;
  private final UserLocks userLocks = new UserLocks();

  /**
   * @param extraProviders factor kinds beyond TOTP (WebAuthn), see {@link SecondFactorProvider}
   */
  public TwoFactorEngine(
      EngineSettings settings,
      EnginePorts ports,
      SecretBox secretBox,
      Clock clock,
      SecureRandom random,
      List<SecondFactorProvider> extraProviders) {
    this.clock = clock;
    this.ports = ports;
    this.transactions = ports.transactions();
    this.totp = new TotpService(settings.totp(), ports.totpCredentials(), secretBox, random);
    this.recoveryCodes = new RecoveryCodeService(ports.recoveryCodes(), random);
    this.lockout = new LockoutService(settings.lockout(), ports.lockoutCounters());
    this.auditLog = ports.auditLog();
    this.audit = new EngineAudit(auditLog);
    this.guarded = new GuardedVerification(lockout, audit);
    providers.put(FactorType.TOTP, new TotpFactorProvider(ports.totpCredentials()));
    for (SecondFactorProvider provider : extraProviders) {
      if (provider.type() == FactorType.TOTP || provider.type() == FactorType.RECOVERY_CODE) {
        throw new IllegalArgumentException("the engine provides " + provider.type() + " itself");
      }
      providers.put(provider.type(), provider);
    }
  }

  // ---- TOTP enrolment

  /** Step one of TOTP enrolment; the caller must already have authenticated the user fully. */
  public TotpEnrolment startTotpEnrolment(
      String username, String nickname, RequestContext context) {
    Instant now = clock.instant();
    return transactions.inTransaction(
        () -> {
          TotpEnrolment enrolment = totp.startEnrolment(username, nickname, now);
          audit.success(
              now,
              username,
              context,
              AuditEventType.TOTP_ENROLMENT_STARTED,
              "credential " + enrolment.credentialId() + " pending until " + enrolment.expiresAt());
          return enrolment;
        });
  }

  /**
   * Step two: a valid code activates the credential. If the user had no recovery codes yet, the
   * first set is issued and returned (show once).
   */
  public EnrolmentResult finishTotpEnrolment(
      String username, UUID credentialId, String code, RequestContext context) {
    Instant now = clock.instant();
    return transactions.inTransaction(
        () -> {
          TotpEnrolmentCheck check = totp.finishEnrolment(username, credentialId, code, now);
          if (check instanceof TotpEnrolmentCheck.Activated activated) {
            return enrolled(username, activated.credential(), context, now);
          }
          EnrolmentResult.Reason reason = rejection(check);
          audit.failure(
              now,
              username,
              context,
              AuditEventType.TOTP_ENROLMENT_FINISHED,
              "credential " + credentialId + " not activated: " + describe(check));
          return new EnrolmentResult.EnrolmentRejected(reason);
        });
  }

  private EnrolmentResult enrolled(
      String username, TotpCredential credential, RequestContext context, Instant now) {
    audit.success(
        now,
        username,
        context,
        AuditEventType.TOTP_ENROLMENT_FINISHED,
        "credential " + credential.id() + " (" + credential.nickname() + ") activated");
    Optional<RecoveryCodes> first = Optional.empty();
    if (recoveryCodes.remaining(username) == 0) {
      first = Optional.of(issueRecoveryCodes(username, context, now, "first factor enrolled"));
    }
    return new EnrolmentResult.Enrolled(TotpFactorProvider.toFactor(credential), first);
  }

  private static EnrolmentResult.Reason rejection(TotpEnrolmentCheck check) {
    if (check instanceof TotpEnrolmentCheck.Expired) {
      return EnrolmentResult.Reason.EXPIRED;
    }
    if (check instanceof TotpEnrolmentCheck.WrongCode) {
      return EnrolmentResult.Reason.INVALID_CODE;
    }
    if (check instanceof TotpEnrolmentCheck.Malformed) {
      return EnrolmentResult.Reason.MALFORMED;
    }
    return EnrolmentResult.Reason.UNKNOWN_ENROLMENT;
  }

  private static String describe(TotpEnrolmentCheck check) {
    if (check instanceof TotpEnrolmentCheck.Malformed malformed) {
      return "malformed input: " + malformed.reason();
    }
    return rejection(check).name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** Deletes unconfirmed enrolments older than their timeout; returns how many. */
  public int purgeExpiredEnrolments() {
    Instant now = clock.instant();
    return transactions.inTransaction(
        () -> {
          List<TotpCredential> expired = ports.totpCredentials().removeExpiredPending(now);
          for (TotpCredential credential : expired) {
            audit.failure(
                now,
                credential.username(),
                RequestContext.system(),
                AuditEventType.TOTP_ENROLMENT_EXPIRED,
                "credential " + credential.id() + " expired at " + credential.expiresAt());
          }
          return expired.size();
        });
  }

  // ---- Verification

  public VerificationResult verifyTotp(String username, String code, RequestContext context) {
    Instant now = clock.instant();
    return verificationTransaction(
        username,
        () -> {
          Optional<VerificationResult> unavailable =
              unavailable(username, FactorType.TOTP, context, now);
          if (unavailable.isPresent()) {
            return unavailable.get();
          }
          return guarded.run(
              new GuardedVerification.Attempt(
                  username,
                  FactorType.TOTP,
                  AttemptCounter.SECOND_FACTOR,
                  context,
                  AuditEventType.TOTP_VERIFICATION,
                  AuditEventType.TOTP_REPLAY,
                  at -> totpOutcome(totp.verify(username, code, at)),
                  () -> providers.get(FactorType.TOTP).disableAll(username)),
              now);
        });
  }

  private VerificationResult verificationTransaction(
      String username, Supplier<VerificationResult> work) {
    return userLocks.withLock(username, () -> transactions.inTransaction(work));
  }

  private static FactorCheckOutcome totpOutcome(TotpCheck check) {
    if (check instanceof TotpCheck.Accepted accepted) {
      return new FactorCheckOutcome.Match(
          accepted.credentialId(),
          "credential " + accepted.credentialId() + " accepted step " + accepted.step());
    }
    if (check instanceof TotpCheck.Replayed replayed) {
      return new FactorCheckOutcome.Replay(
          "credential "
              + replayed.credentialId()
              + " step "
              + replayed.step()
              + " not after last accepted step "
              + replayed.lastUsedStep());
    }
    if (check instanceof TotpCheck.Malformed malformed) {
      return new FactorCheckOutcome.Malformed(malformed.reason());
    }
    return new FactorCheckOutcome.NoMatch("code matches no active TOTP credential in the window");
  }

  /**
   * The seam for factor kinds the engine does not implement itself (WebAuthn): counts the attempt
   * on the user's second-factor counter, runs {@code check} in the same transaction, records the
   * outcome and audits it under {@code eventType}.
   */
  public VerificationResult verifyWithLockout(
      String username,
      FactorType factor,
      AuditEventType eventType,
      RequestContext context,
      FactorCheck check) {
    SecondFactorProvider provider = providers.get(factor);
    if (provider == null || factor == FactorType.TOTP) {
      throw new IllegalArgumentException("no external provider registered for " + factor);
    }
    Instant now = clock.instant();
    return verificationTransaction(
        username,
        () -> {
          Optional<VerificationResult> unavailable = unavailable(username, factor, context, now);
          if (unavailable.isPresent()) {
            return unavailable.get();
          }
          return guarded.run(
              new GuardedVerification.Attempt(
                  username,
                  factor,
                  AttemptCounter.SECOND_FACTOR,
                  context,
                  eventType,
                  eventType,
                  check,
                  () -> provider.disableAll(username)),
              now);
        });
  }

  private Optional<VerificationResult> unavailable(
      String username, FactorType factor, RequestContext context, Instant now) {
    List<EnrolledFactor> enrolled = providers.get(factor).enrolled(username);
    if (enrolled.stream().anyMatch(f -> f.status() == FactorStatus.ACTIVE)) {
      return Optional.empty();
    }
    AuditEventType type =
        factor == FactorType.TOTP
            ? AuditEventType.TOTP_VERIFICATION
            : AuditEventType.SECOND_FACTOR_VERIFICATION;
    if (enrolled.isEmpty()) {
      audit.failure(now, username, context, type, factor + " not enrolled");
      return Optional.of(new VerificationResult.Rejected(RejectionReason.NOT_ENROLLED));
    }
    audit.failure(now, username, context, type, factor + " disabled; must be enrolled again");
    return Optional.of(new VerificationResult.Disabled(factor));
  }

  /** Consumes one recovery code; counted and capped on its own counter. */
  public VerificationResult verifyRecoveryCode(
      String username, String code, RequestContext context) {
    Instant now = clock.instant();
    return verificationTransaction(
        username,
        () -> {
          if (recoveryCodes.remaining(username) == 0) {
            audit.failure(
                now,
                username,
                context,
                AuditEventType.RECOVERY_CODE_VERIFICATION,
                "no unused recovery codes");
            return new VerificationResult.Rejected(RejectionReason.NOT_ENROLLED);
          }
          return guarded.run(
              new GuardedVerification.Attempt(
                  username,
                  FactorType.RECOVERY_CODE,
                  AttemptCounter.RECOVERY_CODE,
                  context,
                  AuditEventType.RECOVERY_CODE_VERIFICATION,
                  AuditEventType.RECOVERY_CODE_VERIFICATION,
                  at -> recoveryOutcome(recoveryCodes.verify(username, code, at)),
                  () -> recoveryCodes.invalidateAll(username)),
              now);
        });
  }

  private static FactorCheckOutcome recoveryOutcome(RecoveryCodeCheck check) {
    if (check instanceof RecoveryCodeCheck.Consumed consumed) {
      // Recovery codes have no factor id of their own worth exposing; a nil UUID stands for the
      // set.
      return new FactorCheckOutcome.Match(
          new UUID(0, 0),
          "recovery code " + consumed.codeId() + " used, " + consumed.remaining() + " left");
    }
    if (check instanceof RecoveryCodeCheck.Malformed malformed) {
      return new FactorCheckOutcome.Malformed(malformed.reason());
    }
    return new FactorCheckOutcome.NoMatch(((RecoveryCodeCheck.NoMatch) check).detail());
  }

  // ---- Recovery codes

  /** A new set of ten (show once); the old set stops working in the same commit. */
  public RecoveryCodes regenerateRecoveryCodes(String username, RequestContext context) {
    Instant now = clock.instant();
    return transactions.inTransaction(
        () -> issueRecoveryCodes(username, context, now, "regenerated by user"));
  }

  private RecoveryCodes issueRecoveryCodes(
      String username, RequestContext context, Instant now, String why) {
    RecoveryCodes codes = recoveryCodes.regenerate(username, now);
    audit.success(
        now,
        username,
        context,
        AuditEventType.RECOVERY_CODES_REGENERATED,
        codes.codes().size() + " codes issued (" + why + "); previous set invalidated");
    return codes;
  }

  public int remainingRecoveryCodes(String username) {
    return transactions.inTransaction(() -> recoveryCodes.remaining(username));
  }

  // ---- Factor management

  /** Active and disabled factors of every kind, oldest first within a kind. */
  public List<EnrolledFactor> enrolledFactors(String username) {
    return transactions.inTransaction(
        () -> {
          List<EnrolledFactor> all = new ArrayList<>();
          for (SecondFactorProvider provider : providers.values()) {
            all.addAll(provider.enrolled(username));
          }
          return List.copyOf(all);
        });
  }

  public boolean renameFactor(
      String username, FactorType type, UUID factorId, String nickname, RequestContext context) {
    Instant now = clock.instant();
    return transactions.inTransaction(
        () -> {
          boolean renamed = provider(type).rename(username, factorId, nickname);
          audit.outcome(
              renamed,
              now,
              username,
              context,
              AuditEventType.FACTOR_RENAMED,
              type + " " + factorId + (renamed ? " renamed" : " not found"));
          return renamed;
        });
  }

  public boolean removeFactor(
      String username, FactorType type, UUID factorId, RequestContext context) {
    Instant now = clock.instant();
    return transactions.inTransaction(() -> remove(username, type, factorId, context, now));
  }

  private boolean remove(
      String username, FactorType type, UUID factorId, RequestContext context, Instant now) {
    boolean removed = provider(type).remove(username, factorId);
    audit.outcome(
        removed,
        now,
        username,
        context,
        AuditEventType.FACTOR_REMOVED,
        type + " " + factorId + (removed ? " removed" : " not found"));
    return removed;
  }

  /**
   * Self-service removal: like {@link #removeFactor}, but the user's last active second factor is
   * kept (see {@link FactorRemoval.LastActiveFactor}). The user's counter row is held while the
   * factors are counted, so two removals racing on two nodes cannot together remove both of the
   * last two factors.
   */
  public FactorRemoval removeOwnFactor(
      String username, FactorType type, UUID factorId, RequestContext context) {
    Instant now = clock.instant();
    return userLocks.withLock(
        username,
        () ->
            transactions.inTransaction(
                () -> {
                  lockout.holdUser(username, now);
                  List<EnrolledFactor> active =
                      providers.values().stream()
                          .flatMap(p -> p.enrolled(username).stream())
                          .filter(f -> f.status() == FactorStatus.ACTIVE)
                          .toList();
                  boolean target =
                      active.stream().anyMatch(f -> f.type() == type && f.id().equals(factorId));
                  if (target && active.size() == 1) {
                    audit.failure(
                        now,
                        username,
                        context,
                        AuditEventType.FACTOR_REMOVED,
                        type + " " + factorId + " kept: last active second factor");
                    return new FactorRemoval.LastActiveFactor();
                  }
                  return remove(username, type, factorId, context, now)
                      ? new FactorRemoval.Removed()
                      : new FactorRemoval.NotFound();
                }));
  }

  private SecondFactorProvider provider(FactorType type) {
    SecondFactorProvider provider = providers.get(type);
    if (provider == null) {
      throw new IllegalArgumentException("no provider for " + type);
    }
    return provider;
  }

  // ---- Lockout administration

  /**
   * Clears the user's failure counters and deletes their disabled factors of every kind (TOTP
   * credentials and WebAuthn keys disabled by the hard cap or suspected cloned), so they can verify
   * with the remaining factors or enrol again. The admin must have verified the user's identity
   * first (NIST SP 800-63B-4 §4.2).
   */
  public AdminResetResult adminReset(String username, String admin, RequestContext context) {
    Instant now = clock.instant();
    return transactions.inTransaction(
        () -> {
          int countersCleared = lockout.reset(username);
          int removed = 0;
          StringJoiner perType = new StringJoiner(", ", " (", ")");
          for (SecondFactorProvider provider : providers.values()) {
            int n = provider.removeDisabled(username);
            removed += n;
            perType.add(provider.type() + " " + n);
          }
          AdminResetResult result = new AdminResetResult(countersCleared, removed);
          audit.success(
              now,
              username,
              context,
              AuditEventType.ADMIN_RESET,
              "by "
                  + admin
                  + ": "
                  + result.countersCleared()
                  + " counters cleared, "
                  + result.disabledFactorsRemoved()
                  + " disabled factors removed"
                  + perType);
          return result;
        });
  }

  /**
   * Lost device: deletes every factor and recovery code of the user and clears their counters, so
   * their next login enrols afresh with the password alone. Only after the admin has verified the
   * user's identity out of band (NIST SP 800-63B-4 §4.2), since it is as strong as that check.
   */
  public FactorsRemovedResult removeAllFactors(
      String username, String admin, RequestContext context) {
    Instant now = clock.instant();
    return userLocks.withLock(
        username,
        () ->
            transactions.inTransaction(
                () -> {
                  lockout.holdUser(username, now);
                  int factors = 0;
                  StringJoiner perType = new StringJoiner(", ", " (", ")");
                  for (SecondFactorProvider provider : providers.values()) {
                    int removed = 0;
                    for (EnrolledFactor factor : provider.enrolled(username)) {
                      removed += provider.remove(username, factor.id()) ? 1 : 0;
                    }
                    factors += removed;
                    perType.add(provider.type() + " " + removed);
                  }
                  FactorsRemovedResult result =
                      new FactorsRemovedResult(
                          factors, recoveryCodes.invalidateAll(username), lockout.reset(username));
                  audit.success(
                      now,
                      username,
                      context,
                      AuditEventType.ADMIN_FACTORS_REMOVED,
                      "by "
                          + admin
                          + ": "
                          + result.factorsRemoved()
                          + " factors removed"
                          + perType
                          + ", "
                          + result.recoveryCodesRemoved()
                          + " recovery codes removed, "
                          + result.countersCleared()
                          + " counters cleared");
                  return result;
                }));
  }

  public LockoutStatus lockoutStatus(String username) {
    Instant now = clock.instant();
    return transactions.inTransaction(
        () ->
            new LockoutStatus(
                username,
                counterStatus(username, AttemptCounter.SECOND_FACTOR, now),
                counterStatus(username, AttemptCounter.RECOVERY_CODE, now)));
  }

  private CounterStatus counterStatus(String username, AttemptCounter counter, Instant now) {
    Optional<LockoutState> state = lockout.status(username, counter);
    if (state.isEmpty()) {
      return CounterStatus.CLEAR;
    }
    LockoutState s = state.get();
    boolean windowCurrent = now.isBefore(s.windowStartedAt().plus(LockoutPolicy.HOUR));
    return new CounterStatus(
        s.consecutiveFailures(),
        s.lockedAt(now) ? s.lockedUntil() : null,
        windowCurrent ? s.windowFailures() : 0);
  }

  // ---- Audit

  public AuditPage auditEvents(AuditQuery query) {
    return transactions.inTransaction(() -> auditLog.query(query));
  }

  public AuditSearchPage searchAudit(AuditSearch search) {
    return transactions.inTransaction(() -> auditLog.search(search));
  }
}
