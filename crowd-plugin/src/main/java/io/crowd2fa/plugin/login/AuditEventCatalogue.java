package io.crowd2fa.plugin.login;

import io.crowd2fa.plugin.audit.AuditEventType;
import io.crowd2fa.plugin.keys.SigningKeyEvents;
import io.crowd2fa.plugin.policy.PolicyEvents;
import io.crowd2fa.plugin.webauthn.WebAuthnEvents;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every event type the service writes, for the help desk's search: the form offers them, and a name
 * outside this list is refused as a mistake instead of silently matching nothing. Each feature
 * declares its own types (see {@link AuditEventType}); {@code AuditEventCatalogueTest} fails when
 * one is missing here.
 */
public final class AuditEventCatalogue {

  private static final List<AuditEventType> ALL =
      Stream.of(
              AuditEventType.TOTP_ENROLMENT_STARTED,
              AuditEventType.TOTP_ENROLMENT_FINISHED,
              AuditEventType.TOTP_ENROLMENT_EXPIRED,
              AuditEventType.TOTP_VERIFICATION,
              AuditEventType.TOTP_REPLAY,
              AuditEventType.RECOVERY_CODE_VERIFICATION,
              AuditEventType.RECOVERY_CODES_REGENERATED,
              AuditEventType.SECOND_FACTOR_VERIFICATION,
              AuditEventType.LOCKOUT,
              AuditEventType.FACTOR_DISABLED,
              AuditEventType.FACTOR_RENAMED,
              AuditEventType.FACTOR_REMOVED,
              AuditEventType.ADMIN_RESET,
              AuditEventType.ADMIN_FACTORS_REMOVED,
              LoginAudit.PASSWORD_ACCEPTED,
              LoginAudit.PASSWORD_REJECTED,
              LoginAudit.PASSWORD_THROTTLED,
              LoginAudit.POLICY_DENIED,
              LoginAudit.POLICY_EXEMPT,
              LoginAudit.ENROLMENT_SKIPPED,
              LoginAudit.SECOND_FACTOR_REJECTED,
              LoginAudit.STEP_REJECTED,
              LoginAudit.COMPLETED,
              LoginAudit.COMPLETION_FAILED,
              LoginAudit.STEP_UP_STARTED,
              LoginAudit.STEP_UP_REJECTED,
              LoginAudit.LOGOUT,
              LoginAudit.ACCOUNT_REJECTED,
              LoginAudit.ADMIN_REJECTED,
              LoginAudit.ADMIN_VIEWED,
              LoginAudit.ADMIN_AUDIT_SEARCHED,
              LoginAudit.CSRF_REJECTED,
              LoginAudit.BAD_REQUEST,
              LoginAudit.REDIRECT_REFUSED,
              LoginAudit.SERVICE_UNAVAILABLE,
              WebAuthnEvents.REGISTRATION_STARTED,
              WebAuthnEvents.REGISTRATION,
              WebAuthnEvents.ASSERTION,
              WebAuthnEvents.CLONE_SUSPECTED,
              PolicyEvents.POLICY_CHANGED,
              PolicyEvents.POLICY_IMPORTED,
              SigningKeyEvents.CREATED,
              SigningKeyEvents.ROTATED)
          .sorted(Comparator.comparing(AuditEventType::name))
          .toList();

  private AuditEventCatalogue() {}

  /** All of them, by name. */
  public static List<AuditEventType> all() {
    return ALL;
  }
}
