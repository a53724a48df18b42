package io.crowd2fa.plugin.policy.persistence;

import io.crowd2fa.plugin.policy.StoredPolicy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code policy_document}: one saved version, never updated. */
@Entity
@Table(name = "policy_document")
public class PolicyDocumentEntity {

  @Id
  @Column(name = "version")
  private int version;

  @Column(name = "document", nullable = false, length = 1048576)
  private String document;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  @Column(name = "changed_by", nullable = false, length = 255)
  private String changedBy;

  protected PolicyDocumentEntity() {}

  StoredPolicy toStoredPolicy() {
    return new StoredPolicy(version, document, changedAt, changedBy);
  }
}
