package io.crowd2fa.plugin.audit;

/** Append-only record of security events. There is deliberately no update or delete. */
public interface AuditLog {

  void append(AuditEvent event);

  AuditPage query(AuditQuery query);
}
