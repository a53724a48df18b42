package io.crowd2fa.plugin.totp.persistence;

import io.crowd2fa.plugin.totp.TotpAlgorithm;
import io.crowd2fa.plugin.totp.TotpCredential;
import io.crowd2fa.plugin.totp.TotpCredentialStatus;
import io.crowd2fa.plugin.totp.TotpParameters;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code totp_credential}. State changes go through conditional update statements. */
@Entity
@Table(name = "totp_credential")
public class TotpCredentialEntity {

  @Id private UUID id;

  @Column(name = "username", nullable = false, length = 255)
  private String username;

  @Column(name = "nickname", nullable = false, length = TotpCredential.MAX_NICKNAME)
  private String nickname;

  @Enumerated(EnumType.STRING)
  @Column(name = "algorithm", nullable = false, length = 16)
  private TotpAlgorithm algorithm;

  @Column(name = "digits", nullable = false)
  private int digits;

  @Column(name = "period_seconds", nullable = false)
  private int periodSeconds;

  @Column(name = "sealed_secret", nullable = false, length = 512)
  private String sealedSecret;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 16)
  private TotpCredentialStatus status;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "activated_at")
  private Instant activatedAt;

  @Column(name = "last_used_step")
  private Long lastUsedStep;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  protected TotpCredentialEntity() {}

  TotpCredentialEntity(TotpCredential credential) {
    this.id = credential.id();
    this.username = credential.username();
    this.nickname = credential.nickname();
    this.algorithm = credential.parameters().algorithm();
    this.digits = credential.parameters().digits();
    this.periodSeconds = credential.parameters().periodSeconds();
    this.sealedSecret = credential.sealedSecret();
    this.status = credential.status();
    this.createdAt = credential.createdAt();
    this.expiresAt = credential.expiresAt();
    this.activatedAt = credential.activatedAt();
    this.lastUsedStep = credential.lastUsedStep();
    this.lastUsedAt = credential.lastUsedAt();
  }

  TotpCredential toCredential() {
    return new TotpCredential(
        id,
        username,
        nickname,
        new TotpParameters(algorithm, digits, periodSeconds),
        sealedSecret,
        status,
        createdAt,
        expiresAt,
        activatedAt,
        lastUsedStep,
        lastUsedAt);
  }
}
