package io.crowd2fa.plugin.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One security event. {@code detail} is the precise, admin-facing reason; it must never carry a
 * secret, code, password or token.
 *
 * @param id database id, {@code null} before the event is appended
 * @param username subject of the event, {@code null} for system events
 */
public record AuditEvent(
    Long id,
    Instant occurredAt,
    String username,
    String clientAddress,
    String userAgent,
    AuditEventType type,
    AuditOutcome outcome,
    String detail) {

  public static final int MAX_USERNAME = 255;
  public static final int MAX_CLIENT_ADDRESS = 64;
  public static final int MAX_USER_AGENT = 512;
  public static final int MAX_DETAIL = 1024;

  public AuditEvent {
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(outcome, "outcome");
    username = clip(username, MAX_USERNAME);
    clientAddress = clip(clientAddress, MAX_CLIENT_ADDRESS);
    userAgent = clip(userAgent, MAX_USER_AGENT);
    detail = clip(detail, MAX_DETAIL);
  }

  /** A new event, not yet appended. */
  public static AuditEvent of(
      Instant occurredAt,
      String username,
      String clientAddress,
      String userAgent,
      AuditEventType type,
      AuditOutcome outcome,
      String detail) {
    return new AuditEvent(
        null, occurredAt, username, clientAddress, userAgent, type, outcome, detail);
  }

  private static String clip(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
