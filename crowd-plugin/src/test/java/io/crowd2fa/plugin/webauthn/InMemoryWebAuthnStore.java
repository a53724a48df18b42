package io.crowd2fa.plugin.webauthn;

import com.yubico.webauthn.data.ByteArray;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The three WebAuthn repositories in memory, with the same uniqueness rules as the tables. */
class InMemoryWebAuthnStore
    implements WebAuthnCredentialRepository, UserHandleRepository, ChallengeRepository {

  final Map<ByteArray, WebAuthnCredential> credentials = new ConcurrentHashMap<>();
  final Map<String, ByteArray> handles = new ConcurrentHashMap<>();
  final Map<String, PendingCeremony> ceremonies = new ConcurrentHashMap<>();

  WebAuthnStores stores() {
    return new WebAuthnStores(this, this, this);
  }

  @Override
  public boolean insert(WebAuthnCredential credential) {
    return credentials.putIfAbsent(credential.credentialId(), credential) == null;
  }

  @Override
  public List<WebAuthnCredential> forUser(String username) {
    return credentials.values().stream()
        .filter(c -> c.username().equals(username))
        .sorted(Comparator.comparing(WebAuthnCredential::createdAt))
        .toList();
  }

  @Override
  public Optional<WebAuthnCredential> byId(ByteArray credentialId) {
    return Optional.ofNullable(credentials.get(credentialId));
  }

  @Override
  public void recordUse(ByteArray id, long signatureCount, boolean backedUp, Instant at) {
    credentials.computeIfPresent(
        id,
        (k, c) ->
            new WebAuthnCredential(
                c.id(),
                c.credentialId(),
                c.username(),
                c.userHandle(),
                c.publicKeyCose(),
                signatureCount,
                c.aaguid(),
                c.transports(),
                c.backupEligible(),
                backedUp,
                c.nickname(),
                c.status(),
                c.createdAt(),
                Optional.of(at)));
  }

  @Override
  public void setStatus(ByteArray id, CredentialStatus status) {
    credentials.computeIfPresent(id, (k, c) -> withStatus(c, status));
  }

  @Override
  public int disableAll(String username) {
    int[] count = {0};
    credentials.replaceAll(
        (k, c) -> {
          if (c.username().equals(username) && c.status() == CredentialStatus.ACTIVE) {
            count[0]++;
            return withStatus(c, CredentialStatus.DISABLED);
          }
          return c;
        });
    return count[0];
  }

  @Override
  public int removeUnusable(String username) {
    int before = credentials.size();
    credentials
        .values()
        .removeIf(c -> c.username().equals(username) && c.status() != CredentialStatus.ACTIVE);
    return before - credentials.size();
  }

  @Override
  public boolean rename(String username, UUID id, String nickname) {
    Optional<WebAuthnCredential> found = owned(username, id);
    if (found.isEmpty()) {
      return false;
    }
    WebAuthnCredential c = found.get();
    credentials.put(
        c.credentialId(),
        new WebAuthnCredential(
            c.id(),
            c.credentialId(),
            c.username(),
            c.userHandle(),
            c.publicKeyCose(),
            c.signatureCount(),
            c.aaguid(),
            c.transports(),
            c.backupEligible(),
            c.backedUp(),
            nickname,
            c.status(),
            c.createdAt(),
            c.lastUsedAt()));
    return true;
  }

  @Override
  public boolean remove(String username, UUID id) {
    return owned(username, id).map(c -> credentials.remove(c.credentialId(), c)).orElse(false);
  }

  private Optional<WebAuthnCredential> owned(String username, UUID id) {
    return credentials.values().stream()
        .filter(c -> c.id().equals(id) && c.username().equals(username))
        .findFirst();
  }

  @Override
  public Optional<ByteArray> find(String username) {
    return Optional.ofNullable(handles.get(username));
  }

  @Override
  public Optional<String> usernameOf(ByteArray userHandle) {
    return handles.entrySet().stream()
        .filter(e -> e.getValue().equals(userHandle))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  @Override
  public ByteArray storeIfAbsent(String username, ByteArray candidate) {
    ByteArray existing = handles.putIfAbsent(username, candidate);
    return existing == null ? candidate : existing;
  }

  @Override
  public void save(PendingCeremony ceremony) {
    ceremonies.put(key(ceremony.loginTransactionId(), ceremony.kind()), ceremony);
  }

  @Override
  public Optional<PendingCeremony> consume(String loginTransactionId, CeremonyKind kind) {
    return Optional.ofNullable(ceremonies.remove(key(loginTransactionId, kind)));
  }

  @Override
  public int removeExpired(Instant now) {
    int before = ceremonies.size();
    ceremonies.values().removeIf(c -> c.expiredAt(now));
    return before - ceremonies.size();
  }

  private static String key(String transactionId, CeremonyKind kind) {
    return kind + "/" + transactionId;
  }

  private static WebAuthnCredential withStatus(WebAuthnCredential c, CredentialStatus status) {
    return new WebAuthnCredential(
        c.id(),
        c.credentialId(),
        c.username(),
        c.userHandle(),
        c.publicKeyCose(),
        c.signatureCount(),
        c.aaguid(),
        c.transports(),
        c.backupEligible(),
        c.backedUp(),
        c.nickname(),
        status,
        c.createdAt(),
        c.lastUsedAt());
  }
}
