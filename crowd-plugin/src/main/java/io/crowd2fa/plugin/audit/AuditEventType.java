package io.crowd2fa.plugin.audit;

import java.util.regex.Pattern;

/**
 * What happened. A value rather than an enum so each feature (TOTP, WebAuthn, policy, web) names
 * its own events without editing a shared list; the engine's own events are the constants here.
 */
public record AuditEventType(String name) {

  private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

  public static final AuditEventType TOTP_ENROLMENT_STARTED = of("TOTP_ENROLMENT_STARTED");
  public static final AuditEventType TOTP_ENROLMENT_FINISHED = of("TOTP_ENROLMENT_FINISHED");
  public static final AuditEventType TOTP_ENROLMENT_EXPIRED = of("TOTP_ENROLMENT_EXPIRED");
  public static final AuditEventType TOTP_VERIFICATION = of("TOTP_VERIFICATION");
  public static final AuditEventType TOTP_REPLAY = of("TOTP_REPLAY");
  public static final AuditEventType RECOVERY_CODE_VERIFICATION = of("RECOVERY_CODE_VERIFICATION");
  public static final AuditEventType RECOVERY_CODES_REGENERATED = of("RECOVERY_CODES_REGENERATED");
  public static final AuditEventType SECOND_FACTOR_VERIFICATION = of("SECOND_FACTOR_VERIFICATION");
  public static final AuditEventType LOCKOUT = of("LOCKOUT");
  public static final AuditEventType FACTOR_DISABLED = of("FACTOR_DISABLED");
  public static final AuditEventType FACTOR_RENAMED = of("FACTOR_RENAMED");
  public static final AuditEventType FACTOR_REMOVED = of("FACTOR_REMOVED");
  public static final AuditEventType ADMIN_RESET = of("ADMIN_RESET");
  public static final AuditEventType ADMIN_FACTORS_REMOVED = of("ADMIN_FACTORS_REMOVED");

  public AuditEventType {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("audit event type must match " + NAME.pattern());
    }
  }

  public static AuditEventType of(String name) {
    return new AuditEventType(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
