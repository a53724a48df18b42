package io.crowd2fa.plugin.webauthn.persistence;

import io.crowd2fa.plugin.webauthn.CeremonyKind;
import io.crowd2fa.plugin.webauthn.PendingCeremony;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** Row of {@code webauthn_challenge}. */
@Entity
@Table(name = "webauthn_challenge")
public class WebAuthnChallengeEntity {

  /** (login transaction, kind): at most one pending ceremony of each kind per transaction. */
  @Embeddable
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    @Column(name = "login_transaction_id", length = PendingCeremony.MAX_TRANSACTION_ID)
    private String loginTransactionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 16)
    private CeremonyKind kind;

    protected Key() {}

    Key(String loginTransactionId, CeremonyKind kind) {
      this.loginTransactionId = loginTransactionId;
      this.kind = kind;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && loginTransactionId.equals(key.loginTransactionId)
          && kind == key.kind;
    }

    @Override
    public int hashCode() {
      return Objects.hash(loginTransactionId, kind);
    }
  }

  @EmbeddedId private Key key;

  @Column(name = "username", nullable = false, length = 255)
  private String username;

  @Column(name = "request_json", nullable = false, length = 65536)
  private String requestJson;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  protected WebAuthnChallengeEntity() {}

  WebAuthnChallengeEntity(PendingCeremony ceremony) {
    this.key = new Key(ceremony.loginTransactionId(), ceremony.kind());
    this.username = ceremony.username();
    this.requestJson = ceremony.requestJson();
    this.createdAt = ceremony.createdAt();
    this.expiresAt = ceremony.expiresAt();
  }

  PendingCeremony toCeremony() {
    return new PendingCeremony(
        key.loginTransactionId, key.kind, username, requestJson, createdAt, expiresAt);
  }
}
