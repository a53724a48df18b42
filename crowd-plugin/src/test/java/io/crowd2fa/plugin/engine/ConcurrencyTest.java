package io.crowd2fa.plugin.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowd2fa.plugin.audit.AuditEvent;
import io.crowd2fa.plugin.audit.AuditEventType;
import io.crowd2fa.plugin.audit.AuditOutcome;
import io.crowd2fa.plugin.persistence.DatabaseVendor;
import io.crowd2fa.plugin.recovery.RecoveryCodes;
import io.crowd2fa.plugin.totp.TotpEnrolment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Races: two nodes (two connection pools on one database) and bursts of parallel guesses. Every
 * task waits on one latch so the requests really overlap.
 */
@ParameterizedClass
@EnumSource(DatabaseVendor.class)
class ConcurrencyTest {

  @Parameter DatabaseVendor vendor;
  static EngineFixture fixture;
  static TwoFactorEngine secondNode;

  @BeforeParameterizedClassInvocation
  static void open(DatabaseVendor vendor) {
    fixture = EngineFixture.open(vendor);
    secondNode = fixture.secondNode();
  }

  @AfterParameterizedClassInvocation
  static void close() {
    fixture.close();
  }

  private static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return task.call();
                }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void sameCodeOnTwoNodesAtTheSameInstantThenExactlyOneAccepted() throws Exception {
    String user = EngineFixture.newUsername();
    TotpEnrolment device = fixture.enrolTotp(user);
    for (int round = 0; round < 10; round++) {
      String code = fixture.codeAt(device, 0);

      List<VerificationResult> results =
          race(
              List.of(
                  () -> fixture.engine.verifyTotp(user, code, fixture.context),
                  () -> secondNode.verifyTotp(user, code, fixture.context)));

      assertThat(results)
          .containsExactlyInAnyOrder(
              new VerificationResult.Accepted(FactorType.TOTP, device.credentialId()),
              new VerificationResult.Rejected(RejectionReason.REPLAYED));
      fixture.clock.advance(Duration.ofSeconds(30));
    }
    assertThat(fixture.events(user, AuditEventType.TOTP_REPLAY)).hasSize(10);
  }

  @Test
  void twoHundredParallelWrongCodesAndOneRightOneThenNoSuccessOnceLockedAndExactCounts()
      throws Exception {
    String user = EngineFixture.newUsername();
    TotpEnrolment device = fixture.enrolTotp(user);
    String right = fixture.codeAt(device, 0);
    String wrong = fixture.wrongCode(device);
    List<Callable<VerificationResult>> tasks = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      TwoFactorEngine node = i % 2 == 0 ? fixture.engine : secondNode;
      tasks.add(() -> node.verifyTotp(user, wrong, fixture.context));
    }
    tasks.add(100, () -> secondNode.verifyTotp(user, right, fixture.context));

    List<VerificationResult> results = race(tasks);

    long accepted = results.stream().filter(VerificationResult.Accepted.class::isInstance).count();
    long rejected = results.stream().filter(VerificationResult.Rejected.class::isInstance).count();
    long locked = results.stream().filter(VerificationResult.LockedUntil.class::isInstance).count();
    assertThat(accepted + rejected + locked).isEqualTo(201);
    assertThat(accepted).isLessThanOrEqualTo(1);

    // Replay the attempts in commit order from the audit log.
    List<AuditEvent> log = new ArrayList<>(fixture.events(user));
    log.sort(Comparator.comparing(AuditEvent::id));
    List<AuditEvent> verified =
        log.stream().filter(e -> e.type().equals(AuditEventType.TOTP_VERIFICATION)).toList();
    List<AuditEvent> refusals =
        log.stream()
            .filter(e -> e.type().equals(AuditEventType.LOCKOUT))
            .filter(e -> e.detail().contains("attempt refused"))
            .toList();
    assertThat(refusals).hasSize((int) locked);
    assertThat(verified).hasSize((int) (accepted + rejected));
    long failuresBeforeSuccess = 0;
    if (accepted == 1) {
      AuditEvent success =
          verified.stream()
              .filter(e -> e.outcome() == AuditOutcome.SUCCESS)
              .findFirst()
              .orElseThrow();
      failuresBeforeSuccess =
          verified.stream()
              .filter(e -> e.outcome() == AuditOutcome.FAILURE && e.id() < success.id())
              .count();
      assertThat(refusals).allMatch(refusal -> refusal.id() > success.id());
    }
    assertThat(rejected).isEqualTo(5 + failuresBeforeSuccess);
    assertThat(fixture.engine.lockoutStatus(user).secondFactor().consecutiveFailures())
        .isEqualTo(5);

    assertThat(fixture.engine.verifyTotp(user, fixture.codeAt(device, 1), fixture.context))
        .isInstanceOf(VerificationResult.LockedUntil.class);
  }

  @Test
  void sameRecoveryCodeOnTwoNodesAtOnceThenExactlyOneAccepted() throws Exception {
    String user = EngineFixture.newUsername();
    RecoveryCodes codes = fixture.engine.regenerateRecoveryCodes(user, fixture.context);
    for (int round = 0; round < 5; round++) {
      String code = codes.codes().get(round);

      List<VerificationResult> results =
          race(
              List.of(
                  () -> fixture.engine.verifyRecoveryCode(user, code, fixture.context),
                  () -> secondNode.verifyRecoveryCode(user, code, fixture.context)));

      assertThat(results)
          .containsExactlyInAnyOrder(
              new VerificationResult.Accepted(FactorType.RECOVERY_CODE, new java.util.UUID(0, 0)),
              new VerificationResult.Rejected(RejectionReason.INVALID_CODE));
    }
    assertThat(fixture.engine.remainingRecoveryCodes(user)).isEqualTo(5);
    assertThat(fixture.events(user, AuditEventType.RECOVERY_CODE_VERIFICATION))
        .filteredOn(e -> e.outcome() == AuditOutcome.FAILURE)
        .hasSize(5)
        .allMatch(e -> e.detail().contains("no unused recovery code"));
  }

  @Test
  void regenerationRacingOnTwoNodesLeavesExactlyOneValidSetOfTen() throws Exception {
    String user = EngineFixture.newUsername();

    List<RecoveryCodes> sets =
        race(
            List.of(
                () -> fixture.engine.regenerateRecoveryCodes(user, fixture.context),
                () -> secondNode.regenerateRecoveryCodes(user, fixture.context)));

    assertThat(fixture.engine.remainingRecoveryCodes(user)).isEqualTo(10);
    long setsThatWork =
        sets.stream()
            .filter(
                set ->
                    fixture.engine.verifyRecoveryCode(user, set.codes().get(0), fixture.context)
                        instanceof VerificationResult.Accepted)
            .count();
    assertThat(setsThatWork).isEqualTo(1);
  }

  @Test
  void removingTheLastTwoFactorsOnTwoNodesAtOnceKeepsExactlyOne() throws Exception {
    for (int round = 0; round < 10; round++) {
      String user = EngineFixture.newUsername();
      TotpEnrolment phone = fixture.enrolTotp(user);
      TotpEnrolment tablet = fixture.enrolTotp(user);

      List<FactorRemoval> results =
          race(
              List.of(
                  () ->
                      fixture.engine.removeOwnFactor(
                          user, FactorType.TOTP, phone.credentialId(), fixture.context),
                  () ->
                      secondNode.removeOwnFactor(
                          user, FactorType.TOTP, tablet.credentialId(), fixture.context)));

      assertThat(results)
          .containsExactlyInAnyOrder(
              new FactorRemoval.Removed(), new FactorRemoval.LastActiveFactor());
      assertThat(fixture.engine.enrolledFactors(user))
          .singleElement()
          .extracting(EnrolledFactor::status)
          .isEqualTo(FactorStatus.ACTIVE);
    }
  }
}
