package io.crowd2fa.plugin.audit;

/** Whether the audited action succeeded. */
public enum AuditOutcome {
  SUCCESS,
  FAILURE
}
