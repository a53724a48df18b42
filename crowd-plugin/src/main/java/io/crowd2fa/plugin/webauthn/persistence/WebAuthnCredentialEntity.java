package io.crowd2fa.plugin.webauthn.persistence;

import com.yubico.webauthn.data.ByteArray;
import io.crowd2fa.plugin.webauthn.CredentialStatus;
import io.crowd2fa.plugin.webauthn.WebAuthnCredential;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Row of {@code webauthn_credential}; inserted by native SQL, changed by bulk updates. */
@Entity
@Table(name = "webauthn_credential")
public class WebAuthnCredentialEntity {

  @Id private UUID id;

  @Column(name = "credential_id", nullable = false, length = 1400, unique = true)
  private String credentialId;

  @Column(name = "username", nullable = false, length = 255)
  private String username;

  @Column(name = "user_handle", nullable = false, length = 88)
  private String userHandle;

  @Column(name = "public_key_cose", nullable = false, length = 4096)
  private String publicKeyCose;

  @Column(name = "signature_count", nullable = false)
  private long signatureCount;

  @Column(name = "aaguid", nullable = false, length = 64)
  private String aaguid;

  @Column(name = "transports", nullable = false, length = 255)
  private String transports;

  @Column(name = "backup_eligible", nullable = false)
  private boolean backupEligible;

  @Column(name = "backed_up", nullable = false)
  private boolean backedUp;

  @Column(name = "nickname", nullable = false, length = WebAuthnCredential.MAX_NICKNAME)
  private String nickname;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 16)
  private CredentialStatus status;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  protected WebAuthnCredentialEntity() {}

  WebAuthnCredential toCredential() {
    return new WebAuthnCredential(
        id,
        fromBase64Url(credentialId),
        username,
        fromBase64Url(userHandle),
        fromBase64Url(publicKeyCose),
        signatureCount,
        fromBase64Url(aaguid),
        transports.isEmpty()
            ? Set.of()
            : Arrays.stream(transports.split(",")).collect(Collectors.toUnmodifiableSet()),
        backupEligible,
        backedUp,
        nickname,
        status,
        createdAt,
        Optional.ofNullable(lastUsedAt));
  }

  static String joinTransports(Set<String> transports) {
    return transports.stream().sorted().collect(Collectors.joining(","));
  }

  static ByteArray fromBase64Url(String text) {
    try {
      return ByteArray.fromBase64Url(text);
    } catch (com.yubico.webauthn.data.exception.Base64UrlException e) {
      throw new IllegalStateException("corrupt base64url value in webauthn_credential", e);
    }
  }
}
