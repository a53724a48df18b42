package io.crowd2fa.plugin.login;

import io.crowd2fa.plugin.audit.AuditEvent;
import io.crowd2fa.plugin.audit.AuditEventType;
import io.crowd2fa.plugin.audit.AuditLog;
import io.crowd2fa.plugin.audit.AuditOutcome;
import java.time.Clock;

/** The web layer's audit events (precise for admins; users only ever see generic messages). */
public final class LoginAudit {

  public static final AuditEventType PASSWORD_ACCEPTED =
      AuditEventType.of("LOGIN_PASSWORD_ACCEPTED");
  public static final AuditEventType PASSWORD_REJECTED =
      AuditEventType.of("LOGIN_PASSWORD_REJECTED");
  public static final AuditEventType PASSWORD_THROTTLED = AuditEventType.of("LOGIN_THROTTLED");
  public static final AuditEventType POLICY_DENIED = AuditEventType.of("LOGIN_POLICY_DENIED");
  public static final AuditEventType POLICY_EXEMPT = AuditEventType.of("LOGIN_POLICY_EXEMPT");
  public static final AuditEventType ENROLMENT_SKIPPED =
      AuditEventType.of("LOGIN_ENROLMENT_SKIPPED");
  public static final AuditEventType SECOND_FACTOR_REJECTED =
      AuditEventType.of("LOGIN_SECOND_FACTOR_REJECTED");
  public static final AuditEventType STEP_REJECTED = AuditEventType.of("LOGIN_STEP_REJECTED");
  public static final AuditEventType COMPLETED = AuditEventType.of("LOGIN_COMPLETED");
  public static final AuditEventType COMPLETION_FAILED =
      AuditEventType.of("LOGIN_COMPLETION_FAILED");
  public static final AuditEventType STEP_UP_STARTED = AuditEventType.of("STEP_UP_STARTED");
  public static final AuditEventType STEP_UP_REJECTED = AuditEventType.of("STEP_UP_REJECTED");
  public static final AuditEventType LOGOUT = AuditEventType.of("LOGOUT");
  public static final AuditEventType ACCOUNT_REJECTED = AuditEventType.of("ACCOUNT_REJECTED");
  public static final AuditEventType ADMIN_REJECTED = AuditEventType.of("ADMIN_REJECTED");
  public static final AuditEventType ADMIN_VIEWED = AuditEventType.of("ADMIN_VIEWED");
  public static final AuditEventType ADMIN_AUDIT_SEARCHED =
      AuditEventType.of("ADMIN_AUDIT_SEARCHED");
  public static final AuditEventType CSRF_REJECTED = AuditEventType.of("CSRF_REJECTED");
  public static final AuditEventType BAD_REQUEST = AuditEventType.of("BAD_REQUEST");
  public static final AuditEventType REDIRECT_REFUSED = AuditEventType.of("REDIRECT_REFUSED");
  public static final AuditEventType SERVICE_UNAVAILABLE = AuditEventType.of("SERVICE_UNAVAILABLE");

  private final AuditLog log;
  private final Clock clock;

  public LoginAudit(AuditLog log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  public void success(AuditEventType type, String username, ClientInfo client, String detail) {
    append(type, AuditOutcome.SUCCESS, username, client, detail);
  }

  public void failure(AuditEventType type, String username, ClientInfo client, String detail) {
    append(type, AuditOutcome.FAILURE, username, client, detail);
  }

  private void append(
      AuditEventType type,
      AuditOutcome outcome,
      String username,
      ClientInfo client,
      String detail) {
    log.append(
        AuditEvent.of(
            clock.instant(),
            username,
            client.address(),
            client.userAgent(),
            type,
            outcome,
            detail));
  }
}
