package io.crowd2fa.plugin.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowd2fa.plugin.audit.AuditEvent;
import io.crowd2fa.plugin.audit.AuditEventType;
import io.crowd2fa.plugin.audit.AuditOutcome;
import io.crowd2fa.plugin.persistence.DatabaseVendor;
import io.crowd2fa.plugin.recovery.RecoveryCodes;
import io.crowd2fa.plugin.totp.TotpEnrolment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(DatabaseVendor.class)
class LockoutTest {

  @Parameter DatabaseVendor vendor;
  static EngineFixture fixture;
  String user;
  TotpEnrolment device;

  @BeforeParameterizedClassInvocation
  static void open(DatabaseVendor vendor) {
    fixture = EngineFixture.open(vendor);
  }

  @AfterParameterizedClassInvocation
  static void close() {
    fixture.close();
  }

  @BeforeEach
  void enrol() {
    user = EngineFixture.newUsername();
    device = fixture.enrolTotp(user);
  }

  private VerificationResult wrong() {
    return fixture.engine.verifyTotp(user, fixture.wrongCode(device), fixture.context);
  }

  private VerificationResult right() {
    return fixture.engine.verifyTotp(user, fixture.codeAt(device, 0), fixture.context);
  }

  @Test
  void fiveConsecutiveFailuresThenLockedForThirtySecondsAndRefusalAudited() {
    for (int i = 0; i < 5; i++) {
      assertThat(wrong()).isEqualTo(new VerificationResult.Rejected(RejectionReason.INVALID_CODE));
    }
    Instant until = fixture.clock.instant().plusSeconds(30);

    assertThat(right()).isEqualTo(new VerificationResult.LockedUntil(until));

    List<AuditEvent> lockouts = fixture.events(user, AuditEventType.LOCKOUT);
    assertThat(lockouts.get(0).detail()).contains("attempt refused").contains("back-off");
    assertThat(lockouts.get(1).detail()).contains("locked until " + until);
    assertThat(fixture.engine.lockoutStatus(user).secondFactor())
        .isEqualTo(new CounterStatus(5, until, 5));
  }

  @Test
  void backOffDoublesAfterEachFurtherFailureUpToFifteenMinutes() {
    for (int i = 0; i < 4; i++) {
      wrong();
    }
    List<Long> waits = new java.util.ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Instant before = fixture.clock.instant();
      assertThat(wrong()).isInstanceOf(VerificationResult.Rejected.class);
      Instant until = fixture.engine.lockoutStatus(user).secondFactor().lockedUntil();
      waits.add(Duration.between(before, until).toSeconds());
      fixture.clock.set(until);
    }
    assertThat(waits).containsExactly(30L, 60L, 120L, 240L, 480L, 900L, 900L, 900L);
  }

  @Test
  void afterTheWaitARightCodeIsAcceptedAndResetsTheCount() {
    for (int i = 0; i < 5; i++) {
      wrong();
    }
    fixture.clock.advance(Duration.ofSeconds(30));

    assertThat(right()).isInstanceOf(VerificationResult.Accepted.class);
    assertThat(fixture.engine.lockoutStatus(user).secondFactor().consecutiveFailures()).isZero();
  }

  @Test
  void hourlyCapOfOneHundredFailuresHoldsEvenWhenSuccessesInterleave() {
    Instant windowStart = fixture.clock.instant();
    for (int cycle = 0; cycle < 24; cycle++) {
      for (int i = 0; i < 4; i++) {
        assertThat(wrong()).isInstanceOf(VerificationResult.Rejected.class);
      }
      assertThat(right()).isInstanceOf(VerificationResult.Accepted.class);
      fixture.clock.advance(Duration.ofSeconds(30));
    }
    for (int i = 0; i < 4; i++) {
      assertThat(wrong()).isInstanceOf(VerificationResult.Rejected.class);
    }
    assertThat(fixture.engine.lockoutStatus(user).secondFactor().failuresThisHour()).isEqualTo(100);

    VerificationResult refused = right();

    assertThat(refused)
        .isEqualTo(new VerificationResult.LockedUntil(windowStart.plus(Duration.ofHours(1))));
    assertThat(fixture.latestEvent(user, AuditEventType.LOCKOUT).detail())
        .contains("hourly cap of 100");
    fixture.clock.set(windowStart.plus(Duration.ofHours(1)));
    assertThat(right()).isInstanceOf(VerificationResult.Accepted.class);
  }

  @Test
  void hundredConsecutiveFailuresDisableTotpAndTheUserGetsBackInWithARecoveryCode() {
    RecoveryCodes codes = fixture.engine.regenerateRecoveryCodes(user, fixture.context);
    int verifiedFailures = 0;
    VerificationResult result = null;
    for (int attempt = 0;
        attempt < 1_000 && !(result instanceof VerificationResult.Disabled);
        attempt++) {
      result = wrong();
      if (result instanceof VerificationResult.LockedUntil locked) {
        fixture.clock.set(locked.until());
      } else {
        verifiedFailures++;
      }
    }

    assertThat(result).isEqualTo(new VerificationResult.Disabled(FactorType.TOTP));
    assertThat(verifiedFailures).isEqualTo(100);
    assertThat(fixture.latestEvent(user, AuditEventType.FACTOR_DISABLED).detail())
        .contains("100 consecutive failures");
    assertThat(fixture.engine.enrolledFactors(user))
        .extracting(EnrolledFactor::status)
        .containsExactly(FactorStatus.DISABLED);

    fixture.clock.advance(Duration.ofHours(1));
    assertThat(right()).isEqualTo(new VerificationResult.Disabled(FactorType.TOTP));
    assertThat(fixture.latestEvent(user, AuditEventType.TOTP_VERIFICATION).detail())
        .contains("disabled");
    assertThat(fixture.engine.verifyRecoveryCode(user, codes.codes().get(0), fixture.context))
        .isInstanceOf(VerificationResult.Accepted.class);
  }

  @Test
  void adminResetClearsCountersAndRemovesDisabledFactorsSoTheUserCanEnrolAgain() {
    for (int i = 0; i < 5; i++) {
      wrong();
    }
    AdminResetResult reset = fixture.engine.adminReset(user, "admin", fixture.context);

    assertThat(reset.countersCleared()).isEqualTo(1);
    assertThat(fixture.engine.lockoutStatus(user).secondFactor()).isEqualTo(CounterStatus.CLEAR);
    assertThat(right()).isInstanceOf(VerificationResult.Accepted.class);
    AuditEvent event = fixture.latestEvent(user, AuditEventType.ADMIN_RESET);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCESS);
    assertThat(event.detail())
        .isEqualTo("by admin: 1 counters cleared, 0 disabled factors removed (TOTP 0)");
  }

  @Test
  void recoveryCodesHaveTheirOwnCounterSoALockedSecondFactorDoesNotBlockThem() {
    RecoveryCodes codes = fixture.engine.regenerateRecoveryCodes(user, fixture.context);
    for (int i = 0; i < 5; i++) {
      wrong();
    }
    assertThat(right()).isInstanceOf(VerificationResult.LockedUntil.class);

    assertThat(fixture.engine.verifyRecoveryCode(user, codes.codes().get(0), fixture.context))
        .isEqualTo(
            new VerificationResult.Accepted(FactorType.RECOVERY_CODE, new java.util.UUID(0, 0)));
    assertThat(fixture.engine.lockoutStatus(user).secondFactor().consecutiveFailures())
        .isEqualTo(5);
  }

  @Test
  void recoveryCodeFailuresAreCountedAndLockedOnTheirOwn() {
    fixture.engine.regenerateRecoveryCodes(user, fixture.context);
    String wrongCode = "aaaa-aaaa-aaaa-aaaa-aaaa-aaaa-aaaa";
    for (int i = 0; i < 5; i++) {
      assertThat(fixture.engine.verifyRecoveryCode(user, wrongCode, fixture.context))
          .isEqualTo(new VerificationResult.Rejected(RejectionReason.INVALID_CODE));
    }

    assertThat(fixture.engine.verifyRecoveryCode(user, wrongCode, fixture.context))
        .isInstanceOf(VerificationResult.LockedUntil.class);
    assertThat(fixture.engine.lockoutStatus(user).recoveryCode().consecutiveFailures())
        .isEqualTo(5);
    assertThat(fixture.engine.lockoutStatus(user).secondFactor()).isEqualTo(CounterStatus.CLEAR);
    assertThat(right()).isInstanceOf(VerificationResult.Accepted.class);
  }
}
