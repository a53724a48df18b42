package io.crowd2fa.plugin.webauthn;

import io.crowd2fa.plugin.audit.AuditEventType;

/** The audit event types WebAuthn writes (beside the engine's FACTOR_* and LOCKOUT ones). */
public final class WebAuthnEvents {
  public static final AuditEventType REGISTRATION_STARTED =
      AuditEventType.of("WEBAUTHN_REGISTRATION_STARTED");
  public static final AuditEventType REGISTRATION = AuditEventType.of("WEBAUTHN_REGISTRATION");
  public static final AuditEventType ASSERTION = AuditEventType.of("WEBAUTHN_ASSERTION");
  public static final AuditEventType CLONE_SUSPECTED =
      AuditEventType.of("WEBAUTHN_CLONE_SUSPECTED");

  private WebAuthnEvents() {}
}
