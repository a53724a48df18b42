package io.crowd2fa.plugin.audit.persistence;

import io.crowd2fa.plugin.audit.AuditEvent;
import io.crowd2fa.plugin.audit.AuditEventType;
import io.crowd2fa.plugin.audit.AuditOutcome;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEventEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(name = "username", length = AuditEvent.MAX_USERNAME)
  private String username;

  @Column(name = "client_address", length = AuditEvent.MAX_CLIENT_ADDRESS)
  private String clientAddress;

  @Column(name = "user_agent", length = AuditEvent.MAX_USER_AGENT)
  private String userAgent;

  @Column(name = "event_type", nullable = false, length = 64)
  private String eventType;

  @Enumerated(EnumType.STRING)
  @Column(name = "outcome", nullable = false, length = 16)
  private AuditOutcome outcome;

  @Column(name = "detail", length = AuditEvent.MAX_DETAIL)
  private String detail;

  protected AuditEventEntity() {}

  AuditEventEntity(AuditEvent event) {
    this.occurredAt = event.occurredAt();
    this.username = event.username();
    this.clientAddress = event.clientAddress();
    this.userAgent = event.userAgent();
    this.eventType = event.type().name();
    this.outcome = event.outcome();
    this.detail = event.detail();
  }

  AuditEvent toEvent() {
    return new AuditEvent(
        id,
        occurredAt,
        username,
        clientAddress,
        userAgent,
        AuditEventType.of(eventType),
        outcome,
        detail);
  }
}
