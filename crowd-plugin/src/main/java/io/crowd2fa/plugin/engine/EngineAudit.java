package io.crowd2fa.plugin.engine;

import io.crowd2fa.plugin.audit.AuditEvent;
import io.crowd2fa.plugin.audit.AuditEventType;
import io.crowd2fa.plugin.audit.AuditLog;
import io.crowd2fa.plugin.audit.AuditOutcome;
import java.time.Instant;

/** Appends the engine's events with the request's context. */
final class EngineAudit {

  private final AuditLog log;

  EngineAudit(AuditLog log) {
    this.log = log;
  }

  void success(
      Instant now, String username, RequestContext context, AuditEventType type, String detail) {
    append(now, username, context, type, AuditOutcome.SUCCESS, detail);
  }

  void failure(
      Instant now, String username, RequestContext context, AuditEventType type, String detail) {
    append(now, username, context, type, AuditOutcome.FAILURE, detail);
  }

  /** A success when {@code succeeded}, else a failure, with the same detail. */
  void outcome(
      boolean succeeded,
      Instant now,
      String username,
      RequestContext context,
      AuditEventType type,
      String detail) {
    append(
        now,
        username,
        context,
        type,
        succeeded ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
        detail);
  }

  private void append(
      Instant now,
      String username,
      RequestContext context,
      AuditEventType type,
      AuditOutcome outcome,
      String detail) {
    log.append(
        AuditEvent.of(
            now, username, context.clientAddress(), context.userAgent(), type, outcome, detail));
  }
}
