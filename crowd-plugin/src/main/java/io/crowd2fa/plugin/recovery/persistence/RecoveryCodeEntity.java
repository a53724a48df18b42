package io.crowd2fa.plugin.recovery.persistence;

import io.crowd2fa.plugin.recovery.StoredRecoveryCode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code recovery_code}: identifier, salt and hash; the code itself is never stored. */
@Entity
@Table(name = "recovery_code")
public class RecoveryCodeEntity {

  @Id private UUID id;

  @Column(name = "username", nullable = false, length = 255)
  private String username;

  @Column(name = "code_id", nullable = false, length = 8)
  private String codeId;

  @Column(name = "salt", nullable = false, length = 64)
  private String salt;

  @Column(name = "code_hash", nullable = false, length = 128)
  private String hash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "used_at")
  private Instant usedAt;

  protected RecoveryCodeEntity() {}

  RecoveryCodeEntity(StoredRecoveryCode code) {
    this.id = code.id();
    this.username = code.username();
    this.codeId = code.codeId();
    this.salt = code.salt();
    this.hash = code.hash();
    this.createdAt = code.createdAt();
    this.usedAt = code.usedAt();
  }

  StoredRecoveryCode toCode() {
    return new StoredRecoveryCode(id, username, codeId, salt, hash, createdAt, usedAt);
  }
}
