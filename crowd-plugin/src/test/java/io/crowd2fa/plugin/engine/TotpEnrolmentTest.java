package io.crowd2fa.plugin.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowd2fa.plugin.audit.AuditEvent;
import io.crowd2fa.plugin.audit.AuditEventType;
import io.crowd2fa.plugin.audit.AuditOutcome;
import io.crowd2fa.plugin.persistence.DatabaseVendor;
import io.crowd2fa.plugin.recovery.RecoveryCodes;
import io.crowd2fa.plugin.totp.TotpEnrolment;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(DatabaseVendor.class)
class TotpEnrolmentTest {

  @Parameter DatabaseVendor vendor;
  static EngineFixture fixture;
  String user;

  @BeforeParameterizedClassInvocation
  static void open(DatabaseVendor vendor) {
    fixture = EngineFixture.open(vendor);
  }

  @AfterParameterizedClassInvocation
  static void close() {
    fixture.close();
  }

  @BeforeEach
  void newUser() {
    user = EngineFixture.newUsername();
  }

  private TotpEnrolment start() {
    return fixture.engine.startTotpEnrolment(user, "  my phone ", fixture.context);
  }

  private EnrolmentResult finish(TotpEnrolment enrolment, String code) {
    return fixture.engine.finishTotpEnrolment(
        user, enrolment.credentialId(), code, fixture.context);
  }

  @Test
  void startReturnsA160BitSecretOtpauthUriWithIssuerLabelAndPngQrCode() {
    TotpEnrolment enrolment = start();

    assertThat(new Base32().decode(enrolment.base32Secret())).hasSize(20);
    assertThat(enrolment.otpauthUri())
        .startsWith("otpauth://totp/Crowd2FA%20Test%3A" + user + "?")
        .contains("secret=" + enrolment.base32Secret())
        .contains("issuer=Crowd2FA%20Test")
        .contains("algorithm=SHA1")
        .contains("digits=6")
        .contains("period=30");
    assertThat(enrolment.qrCodeDataUri()).startsWith("data:image/png;base64,");
    byte[] png = Base64.getDecoder().decode(enrolment.qrCodeDataUri().substring(22));
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    assertThat(enrolment.expiresAt())
        .isEqualTo(fixture.clock.instant().plus(Duration.ofMinutes(10)));
    assertThat(enrolment.toString()).doesNotContain(enrolment.base32Secret());
    assertThat(fixture.latestEvent(user, AuditEventType.TOTP_ENROLMENT_STARTED).detail())
        .doesNotContain(enrolment.base32Secret());
  }

  @Test
  void startTwiceGivesDifferentSecrets() {
    assertThat(start().base32Secret()).isNotEqualTo(start().base32Secret());
  }

  @Test
  void pendingCredentialIsNotAFactorAndCannotVerify() {
    TotpEnrolment enrolment = start();

    assertThat(fixture.engine.enrolledFactors(user)).isEmpty();
    assertThat(fixture.engine.verifyTotp(user, fixture.codeAt(enrolment, 0), fixture.context))
        .isEqualTo(new VerificationResult.Rejected(RejectionReason.NOT_ENROLLED));
  }

  @Test
  void finishWithValidCodeActivatesAndIssuesTheFirstRecoveryCodes() {
    TotpEnrolment enrolment = start();

    EnrolmentResult result = finish(enrolment, fixture.codeAt(enrolment, 0));

    assertThat(result).isInstanceOf(EnrolmentResult.Enrolled.class);
    EnrolmentResult.Enrolled enrolled = (EnrolmentResult.Enrolled) result;
    assertThat(enrolled.factor().id()).isEqualTo(enrolment.credentialId());
    assertThat(enrolled.factor().nickname()).isEqualTo("my phone");
    assertThat(enrolled.factor().status()).isEqualTo(FactorStatus.ACTIVE);
    assertThat(enrolled.firstRecoveryCodes())
        .get()
        .extracting(RecoveryCodes::codes)
        .asList()
        .hasSize(10);
    assertThat(fixture.engine.enrolledFactors(user)).containsExactly(enrolled.factor());
    assertThat(fixture.latestEvent(user, AuditEventType.TOTP_ENROLMENT_FINISHED).outcome())
        .isEqualTo(AuditOutcome.SUCCESS);
    assertThat(fixture.latestEvent(user, AuditEventType.RECOVERY_CODES_REGENERATED).detail())
        .contains("first factor");
  }

  @Test
  void finishSecondDeviceDoesNotReissueRecoveryCodes() {
    fixture.enrolTotp(user);
    TotpEnrolment second = start();

    EnrolmentResult result = finish(second, fixture.codeAt(second, 0));

    assertThat(((EnrolmentResult.Enrolled) result).firstRecoveryCodes()).isEmpty();
    assertThat(fixture.engine.enrolledFactors(user)).hasSize(2);
  }

  @Test
  void finishWithWrongCodeThenRejectedStaysPendingAndAudited() {
    TotpEnrolment enrolment = start();

    EnrolmentResult result = finish(enrolment, fixture.wrongCode(enrolment));

    assertThat(result)
        .isEqualTo(new EnrolmentResult.EnrolmentRejected(EnrolmentResult.Reason.INVALID_CODE));
    assertThat(fixture.latestEvent(user, AuditEventType.TOTP_ENROLMENT_FINISHED).outcome())
        .isEqualTo(AuditOutcome.FAILURE);
    assertThat(finish(enrolment, fixture.codeAt(enrolment, 0)))
        .isInstanceOf(EnrolmentResult.Enrolled.class);
  }

  @Test
  void finishWithMalformedCodeThenRejectedMalformedNotException() {
    TotpEnrolment enrolment = start();

    assertThat(finish(enrolment, "abc"))
        .isEqualTo(new EnrolmentResult.EnrolmentRejected(EnrolmentResult.Reason.MALFORMED));
    assertThat(fixture.latestEvent(user, AuditEventType.TOTP_ENROLMENT_FINISHED).detail())
        .contains("malformed");
  }

  @Test
  void finishAfterTenMinutesThenExpiredAndPurgeAuditsTheExpiry() {
    TotpEnrolment enrolment = start();
    fixture.clock.advance(Duration.ofMinutes(10));

    EnrolmentResult result = finish(enrolment, fixture.codeAt(enrolment, 0));

    assertThat(result)
        .isEqualTo(new EnrolmentResult.EnrolmentRejected(EnrolmentResult.Reason.EXPIRED));
    assertThat(fixture.engine.purgeExpiredEnrolments()).isGreaterThanOrEqualTo(1);
    assertThat(fixture.latestEvent(user, AuditEventType.TOTP_ENROLMENT_EXPIRED).detail())
        .contains(enrolment.credentialId().toString());
    assertThat(finish(enrolment, fixture.codeAt(enrolment, 0)))
        .isEqualTo(new EnrolmentResult.EnrolmentRejected(EnrolmentResult.Reason.UNKNOWN_ENROLMENT));
  }

  @Test
  void finishAnotherUsersEnrolmentThenUnknown() {
    TotpEnrolment enrolment = start();
    String attacker = EngineFixture.newUsername();

    EnrolmentResult result =
        fixture.engine.finishTotpEnrolment(
            attacker, enrolment.credentialId(), fixture.codeAt(enrolment, 0), fixture.context);

    assertThat(result)
        .isEqualTo(new EnrolmentResult.EnrolmentRejected(EnrolmentResult.Reason.UNKNOWN_ENROLMENT));
    assertThat(fixture.latestEvent(attacker, AuditEventType.TOTP_ENROLMENT_FINISHED).outcome())
        .isEqualTo(AuditOutcome.FAILURE);
  }

  @Test
  void renameChangesTheNicknameAndIsAudited() {
    TotpEnrolment device = fixture.enrolTotp(user);

    assertThat(
            fixture.engine.renameFactor(
                user, FactorType.TOTP, device.credentialId(), "work phone", fixture.context))
        .isTrue();

    assertThat(fixture.engine.enrolledFactors(user))
        .extracting(EnrolledFactor::nickname)
        .containsExactly("work phone");
    assertThat(fixture.latestEvent(user, AuditEventType.FACTOR_RENAMED).outcome())
        .isEqualTo(AuditOutcome.SUCCESS);
  }

  @Test
  void renameOrRemoveAnotherUsersFactorThenRefusedAndAudited() {
    TotpEnrolment victimsDevice = fixture.enrolTotp(user);
    String attacker = EngineFixture.newUsername();
    UUID id = victimsDevice.credentialId();

    assertThat(fixture.engine.renameFactor(attacker, FactorType.TOTP, id, "x", fixture.context))
        .isFalse();
    assertThat(fixture.engine.removeFactor(attacker, FactorType.TOTP, id, fixture.context))
        .isFalse();

    assertThat(fixture.engine.enrolledFactors(user)).hasSize(1);
    assertThat(fixture.latestEvent(attacker, AuditEventType.FACTOR_REMOVED).outcome())
        .isEqualTo(AuditOutcome.FAILURE);
    assertThat(fixture.latestEvent(attacker, AuditEventType.FACTOR_RENAMED).outcome())
        .isEqualTo(AuditOutcome.FAILURE);
  }

  @Test
  void removeDeletesTheFactorSoItsCodesNoLongerWork() {
    TotpEnrolment device = fixture.enrolTotp(user);

    assertThat(
            fixture.engine.removeFactor(
                user, FactorType.TOTP, device.credentialId(), fixture.context))
        .isTrue();

    assertThat(fixture.engine.enrolledFactors(user)).isEmpty();
    assertThat(fixture.engine.verifyTotp(user, fixture.codeAt(device, 0), fixture.context))
        .isEqualTo(new VerificationResult.Rejected(RejectionReason.NOT_ENROLLED));
    assertThat(fixture.latestEvent(user, AuditEventType.FACTOR_REMOVED).outcome())
        .isEqualTo(AuditOutcome.SUCCESS);
  }

  @Test
  void removeOwnFactorWhenAnotherActiveFactorRemainsThenRemoved() {
    TotpEnrolment phone = fixture.enrolTotp(user);
    TotpEnrolment tablet = fixture.enrolTotp(user);

    assertThat(
            fixture.engine.removeOwnFactor(
                user, FactorType.TOTP, phone.credentialId(), fixture.context))
        .isEqualTo(new FactorRemoval.Removed());

    assertThat(fixture.engine.enrolledFactors(user))
        .extracting(EnrolledFactor::id)
        .containsExactly(tablet.credentialId());
    assertThat(fixture.latestEvent(user, AuditEventType.FACTOR_REMOVED).outcome())
        .isEqualTo(AuditOutcome.SUCCESS);
  }

  @Test
  void removeOwnFactorWhenItIsTheLastActiveOneThenKeptAndAudited() {
    TotpEnrolment phone = fixture.enrolTotp(user);

    assertThat(
            fixture.engine.removeOwnFactor(
                user, FactorType.TOTP, phone.credentialId(), fixture.context))
        .isEqualTo(new FactorRemoval.LastActiveFactor());

    assertThat(fixture.engine.enrolledFactors(user)).hasSize(1);
    AuditEvent refused = fixture.latestEvent(user, AuditEventType.FACTOR_REMOVED);
    assertThat(refused.outcome()).isEqualTo(AuditOutcome.FAILURE);
    assertThat(refused.detail()).endsWith("kept: last active second factor");
    assertThat(fixture.engine.verifyTotp(user, fixture.codeAt(phone, 0), fixture.context))
        .isInstanceOf(VerificationResult.Accepted.class);
  }

  @Test
  void removeOwnFactorOfAnotherUserThenNotFoundAndAudited() {
    TotpEnrolment victimsPhone = fixture.enrolTotp(user);
    fixture.enrolTotp(user);
    String attacker = EngineFixture.newUsername();
    fixture.enrolTotp(attacker);

    assertThat(
            fixture.engine.removeOwnFactor(
                attacker, FactorType.TOTP, victimsPhone.credentialId(), fixture.context))
        .isEqualTo(new FactorRemoval.NotFound());

    assertThat(fixture.engine.enrolledFactors(user)).hasSize(2);
    assertThat(fixture.latestEvent(attacker, AuditEventType.FACTOR_REMOVED).outcome())
        .isEqualTo(AuditOutcome.FAILURE);
  }

  @Test
  void removeAllFactorsForALostDeviceDeletesFactorsCodesAndCountersAndIsAudited() {
    TotpEnrolment phone = fixture.enrolTotp(user);
    fixture.enrolTotp(user);
    fixture.engine.verifyTotp(user, fixture.wrongCode(phone), fixture.context);
    String bystander = EngineFixture.newUsername();
    fixture.enrolTotp(bystander);

    FactorsRemovedResult result =
        fixture.engine.removeAllFactors(user, "helpdesk", fixture.context);

    assertThat(result).isEqualTo(new FactorsRemovedResult(2, 10, 1));
    assertThat(fixture.engine.enrolledFactors(user)).isEmpty();
    assertThat(fixture.engine.remainingRecoveryCodes(user)).isZero();
    assertThat(fixture.engine.lockoutStatus(user).secondFactor()).isEqualTo(CounterStatus.CLEAR);
    assertThat(fixture.engine.verifyTotp(user, fixture.codeAt(phone, 0), fixture.context))
        .isEqualTo(new VerificationResult.Rejected(RejectionReason.NOT_ENROLLED));
    assertThat(fixture.engine.enrolledFactors(bystander)).hasSize(1);
    AuditEvent event = fixture.latestEvent(user, AuditEventType.ADMIN_FACTORS_REMOVED);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCESS);
    assertThat(event.detail())
        .startsWith("by helpdesk: 2 factors removed (TOTP 2")
        .endsWith(", 10 recovery codes removed, 1 counters cleared");
  }
}
