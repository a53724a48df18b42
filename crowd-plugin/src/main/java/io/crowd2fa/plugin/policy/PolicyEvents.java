package io.crowd2fa.plugin.policy;

import io.crowd2fa.plugin.audit.AuditEventType;

/** Audit event types of the policy. */
public final class PolicyEvents {
  public static final AuditEventType POLICY_CHANGED = AuditEventType.of("POLICY_CHANGED");
  public static final AuditEventType POLICY_IMPORTED = AuditEventType.of("POLICY_IMPORTED");

  private PolicyEvents() {}
}
