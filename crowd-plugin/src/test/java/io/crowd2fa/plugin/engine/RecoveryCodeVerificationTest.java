package io.crowd2fa.plugin.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowd2fa.plugin.audit.AuditEvent;
import io.crowd2fa.plugin.audit.AuditEventType;
import io.crowd2fa.plugin.audit.AuditOutcome;
import io.crowd2fa.plugin.persistence.DatabaseVendor;
import io.crowd2fa.plugin.recovery.RecoveryCodes;
import java.util.HashSet;
import java.util.UUID;
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
class RecoveryCodeVerificationTest {

  @Parameter DatabaseVendor vendor;
  static EngineFixture fixture;
  String user;
  RecoveryCodes codes;

  @BeforeParameterizedClassInvocation
  static void open(DatabaseVendor vendor) {
    fixture = EngineFixture.open(vendor);
  }

  @AfterParameterizedClassInvocation
  static void close() {
    fixture.close();
  }

  @BeforeEach
  void issue() {
    user = EngineFixture.newUsername();
    codes = fixture.engine.regenerateRecoveryCodes(user, fixture.context);
  }

  private VerificationResult verify(String code) {
    return fixture.engine.verifyRecoveryCode(user, code, fixture.context);
  }

  private static final VerificationResult ACCEPTED =
      new VerificationResult.Accepted(FactorType.RECOVERY_CODE, new UUID(0, 0));

  @Test
  void aSetHasTenDistinctCodesAndIsAudited() {
    assertThat(codes.codes()).hasSize(10);
    assertThat(new HashSet<>(codes.codes())).hasSize(10);
    assertThat(new HashSet<>(codes.codes().stream().map(c -> c.substring(0, 4)).toList()))
        .hasSize(10);
    assertThat(fixture.engine.remainingRecoveryCodes(user)).isEqualTo(10);
    assertThat(fixture.latestEvent(user, AuditEventType.RECOVERY_CODES_REGENERATED).detail())
        .doesNotContain(codes.codes().get(0));
    assertThat(codes.toString()).doesNotContain(codes.codes().get(0));
  }

  @Test
  void eachCodeWorksOnceAndSecondUseIsRejectedAndAudited() {
    String code = codes.codes().get(3);

    assertThat(verify(code)).isEqualTo(ACCEPTED);
    assertThat(verify(code))
        .isEqualTo(new VerificationResult.Rejected(RejectionReason.INVALID_CODE));

    assertThat(fixture.engine.remainingRecoveryCodes(user)).isEqualTo(9);
    AuditEvent failure = fixture.latestEvent(user, AuditEventType.RECOVERY_CODE_VERIFICATION);
    assertThat(failure.outcome()).isEqualTo(AuditOutcome.FAILURE);
    assertThat(failure.detail()).contains("no unused recovery code").doesNotContain(code);
  }

  @Test
  void rightIdentifierWithWrongSecretIsRejectedAndAudited() {
    String code = codes.codes().get(0);
    char last = code.charAt(code.length() - 1);
    String forged = code.substring(0, code.length() - 1) + (last == 'z' ? 'y' : 'z');

    assertThat(verify(forged))
        .isEqualTo(new VerificationResult.Rejected(RejectionReason.INVALID_CODE));
    assertThat(fixture.latestEvent(user, AuditEventType.RECOVERY_CODE_VERIFICATION).detail())
        .contains("wrong secret");
    assertThat(verify(code)).isEqualTo(ACCEPTED);
  }

  @Test
  void anotherUsersCodeIsRejected() {
    String other = EngineFixture.newUsername();
    RecoveryCodes othersCodes = fixture.engine.regenerateRecoveryCodes(other, fixture.context);

    assertThat(verify(othersCodes.codes().get(0)))
        .isEqualTo(new VerificationResult.Rejected(RejectionReason.INVALID_CODE));
    assertThat(fixture.latestEvent(user, AuditEventType.RECOVERY_CODE_VERIFICATION).outcome())
        .isEqualTo(AuditOutcome.FAILURE);
  }

  @Test
  void regeneratingInvalidatesTheWholeOldSet() {
    RecoveryCodes fresh = fixture.engine.regenerateRecoveryCodes(user, fixture.context);

    for (String old : codes.codes()) {
      assertThat(verify(old)).isNotEqualTo(ACCEPTED);
      fixture.engine.adminReset(user, "test", fixture.context);
    }
    assertThat(verify(fresh.codes().get(0))).isEqualTo(ACCEPTED);
  }

  @ParameterizedTest(name = "verifyWhenInput[{0}]ThenMalformedCountedAndAudited")
  @NullAndEmptySource
  @ValueSource(strings = {"short", "abcd-efgh-jkmn-pqrs-tvwx-yz01-23u5", "' or 1=1 --"})
  void verifyWhenMalformedThenCountedAuditedFailure(String input) {
    assertThat(verify(input)).isEqualTo(new VerificationResult.Rejected(RejectionReason.MALFORMED));
    assertThat(fixture.latestEvent(user, AuditEventType.RECOVERY_CODE_VERIFICATION).detail())
        .startsWith("malformed input");
    assertThat(fixture.engine.lockoutStatus(user).recoveryCode().consecutiveFailures())
        .isEqualTo(1);
  }

  @Test
  void userWithoutCodesIsRejectedNotEnrolled() {
    String stranger = EngineFixture.newUsername();
    assertThat(fixture.engine.verifyRecoveryCode(stranger, codes.codes().get(0), fixture.context))
        .isEqualTo(new VerificationResult.Rejected(RejectionReason.NOT_ENROLLED));
    assertThat(fixture.latestEvent(stranger, AuditEventType.RECOVERY_CODE_VERIFICATION).detail())
        .contains("no unused recovery codes");
  }
}
