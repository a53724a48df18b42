package io.crowd2fa.plugin.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowd2fa.plugin.audit.AuditEvent;
import io.crowd2fa.plugin.audit.AuditEventType;
import io.crowd2fa.plugin.audit.AuditOutcome;
import io.crowd2fa.plugin.persistence.DatabaseVendor;
import io.crowd2fa.plugin.totp.TotpEnrolment;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

@ParameterizedClass
@EnumSource(DatabaseVendor.class)
class TotpVerificationTest {

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

  private VerificationResult verify(String code) {
    return fixture.engine.verifyTotp(user, code, fixture.context);
  }

  @ParameterizedTest(name = "verifyWhenCodeFromStepOffset{0}ThenAccepted")
  @ValueSource(longs = {-1, 0, 1})
  void verifyWhenCodeWithinOneStepThenAcceptedAndAudited(long offset) {
    VerificationResult result = verify(fixture.codeAt(device, offset));

    assertThat(result)
        .isEqualTo(new VerificationResult.Accepted(FactorType.TOTP, device.credentialId()));
    AuditEvent event = fixture.latestEvent(user, AuditEventType.TOTP_VERIFICATION);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCESS);
    assertThat(event.clientAddress()).isEqualTo("192.0.2.10");
    assertThat(event.userAgent()).isEqualTo("JUnit/5");
  }

  @ParameterizedTest(name = "verifyWhenCodeFromStepOffset{0}ThenRejected")
  @ValueSource(longs = {-2, 2})
  void verifyWhenCodeTwoStepsAwayThenRejectedAndAudited(long offset) {
    VerificationResult result = verify(fixture.codeAt(device, offset));

    assertThat(result).isEqualTo(new VerificationResult.Rejected(RejectionReason.INVALID_CODE));
    AuditEvent event = fixture.latestEvent(user, AuditEventType.TOTP_VERIFICATION);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.FAILURE);
    assertThat(event.detail()).contains("no match").contains("consecutive failures: 1");
  }

  @Test
  void verifyWhenSameCodeTwiceInOneStepThenSecondRejectedAsReplayAndAudited() {
    String code = fixture.codeAt(device, 0);
    assertThat(verify(code)).isInstanceOf(VerificationResult.Accepted.class);

    VerificationResult replay = verify(code);

    assertThat(replay).isEqualTo(new VerificationResult.Rejected(RejectionReason.REPLAYED));
    AuditEvent event = fixture.latestEvent(user, AuditEventType.TOTP_REPLAY);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.FAILURE);
    assertThat(event.detail()).contains("not after last accepted step");
  }

  @Test
  void verifyWhenOlderStepAfterNewerOneThenRejectedAsReplay() {
    String older = fixture.codeAt(device, -1);
    assertThat(verify(fixture.codeAt(device, 1))).isInstanceOf(VerificationResult.Accepted.class);

    assertThat(verify(older)).isEqualTo(new VerificationResult.Rejected(RejectionReason.REPLAYED));
    assertThat(fixture.latestEvent(user, AuditEventType.TOTP_REPLAY).outcome())
        .isEqualTo(AuditOutcome.FAILURE);
  }

  @Test
  void verifyWhenCodeUsedForEnrolmentThenItCannotBeReplayedForLogin() {
    String other = EngineFixture.newUsername();
    TotpEnrolment enrolment = fixture.engine.startTotpEnrolment(other, "tablet", fixture.context);
    String code = fixture.codeAt(enrolment, 0);
    fixture.engine.finishTotpEnrolment(other, enrolment.credentialId(), code, fixture.context);

    assertThat(fixture.engine.verifyTotp(other, code, fixture.context))
        .isEqualTo(new VerificationResult.Rejected(RejectionReason.REPLAYED));
    assertThat(fixture.latestEvent(other, AuditEventType.TOTP_REPLAY)).isNotNull();
  }

  @Test
  void verifyWhenNextStepArrivesThenNewCodeAccepted() {
    assertThat(verify(fixture.codeAt(device, 0))).isInstanceOf(VerificationResult.Accepted.class);
    fixture.clock.advance(Duration.ofSeconds(30));
    assertThat(verify(fixture.codeAt(device, 0))).isInstanceOf(VerificationResult.Accepted.class);
  }

  @ParameterizedTest(name = "verifyWhenInput[{0}]ThenMalformedCountedAndAudited")
  @NullAndEmptySource
  @ValueSource(strings = {"12345", "1234567", "12a456", "١٢٣٤٥٦", "'; drop table x; --"})
  void verifyWhenMalformedInputThenCountedAuditedFailureNotException(String input) {
    VerificationResult result = verify(input);

    assertThat(result).isEqualTo(new VerificationResult.Rejected(RejectionReason.MALFORMED));
    AuditEvent event = fixture.latestEvent(user, AuditEventType.TOTP_VERIFICATION);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.FAILURE);
    assertThat(event.detail()).startsWith("malformed input").contains("consecutive failures: 1");
    assertThat(fixture.engine.lockoutStatus(user).secondFactor().consecutiveFailures())
        .isEqualTo(1);
  }

  @Test
  void verifyWhenInputIsMegabytesLongThenMalformedAndDetailDoesNotEchoIt() {
    VerificationResult result = verify("1".repeat(1_000_000));

    assertThat(result).isEqualTo(new VerificationResult.Rejected(RejectionReason.MALFORMED));
    assertThat(fixture.latestEvent(user, AuditEventType.TOTP_VERIFICATION).detail())
        .contains("over-long")
        .doesNotContain("1111111");
  }

  @Test
  void verifyWhenUserHasNoTotpThenRejectedNotEnrolledAndAudited() {
    String stranger = EngineFixture.newUsername();

    assertThat(fixture.engine.verifyTotp(stranger, "123456", fixture.context))
        .isEqualTo(new VerificationResult.Rejected(RejectionReason.NOT_ENROLLED));
    assertThat(fixture.latestEvent(stranger, AuditEventType.TOTP_VERIFICATION).detail())
        .contains("not enrolled");
  }

  @Test
  void verifyWhenCodeOfAnotherUsersDeviceThenRejected() {
    String other = EngineFixture.newUsername();
    TotpEnrolment othersDevice = fixture.enrolTotp(other);

    VerificationResult result = verify(fixture.codeAt(othersDevice, 0));

    assertThat(result).isEqualTo(new VerificationResult.Rejected(RejectionReason.INVALID_CODE));
    assertThat(fixture.latestEvent(user, AuditEventType.TOTP_VERIFICATION).outcome())
        .isEqualTo(AuditOutcome.FAILURE);
  }

  @Test
  void verifyWhenUserHasTwoDevicesThenEitherDevicesCodeIsAccepted() {
    TotpEnrolment second = fixture.enrolTotp(user);

    assertThat(verify(fixture.codeAt(second, 0)))
        .isEqualTo(new VerificationResult.Accepted(FactorType.TOTP, second.credentialId()));
    assertThat(verify(fixture.codeAt(device, 1)))
        .isEqualTo(new VerificationResult.Accepted(FactorType.TOTP, device.credentialId()));
  }

  @Test
  void verifyWhenSuccessAfterFailuresThenConsecutiveCountResets() {
    verify(fixture.wrongCode(device));
    verify(fixture.wrongCode(device));
    assertThat(fixture.engine.lockoutStatus(user).secondFactor().consecutiveFailures())
        .isEqualTo(2);

    assertThat(verify(fixture.codeAt(device, 0))).isInstanceOf(VerificationResult.Accepted.class);

    CounterStatus status = fixture.engine.lockoutStatus(user).secondFactor();
    assertThat(status.consecutiveFailures()).isZero();
    assertThat(status.failuresThisHour()).isEqualTo(2);
  }
}
