package io.crowd2fa.plugin.audit;

/** Append-only record of security events. There is deliberately no update or delete. */
public interface AuditLog {

  void append(AuditEvent event);

  AuditPage query(AuditQuery query);

  /**
   * One page of {@code search}, newest first (ties in time broken by id, newest first), with the
   * cursor of the next page when there is one.
   */
  AuditSearchPage search(AuditSearch search);
}
