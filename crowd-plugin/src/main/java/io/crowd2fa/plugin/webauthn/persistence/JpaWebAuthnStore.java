package io.crowd2fa.plugin.webauthn.persistence;

import com.yubico.webauthn.data.ByteArray;
import io.crowd2fa.plugin.persistence.Database;
import io.crowd2fa.plugin.webauthn.CeremonyKind;
import io.crowd2fa.plugin.webauthn.ChallengeRepository;
import io.crowd2fa.plugin.webauthn.CredentialStatus;
import io.crowd2fa.plugin.webauthn.PendingCeremony;
import io.crowd2fa.plugin.webauthn.UserHandleRepository;
import io.crowd2fa.plugin.webauthn.WebAuthnCredential;
import io.crowd2fa.plugin.webauthn.WebAuthnCredentialRepository;
import io.crowd2fa.plugin.webauthn.WebAuthnStores;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/** WebAuthn's three repositories on the {@code webauthn_*} tables. */
public final class JpaWebAuthnStore
    implements WebAuthnCredentialRepository, UserHandleRepository, ChallengeRepository {

  private static final String INSERT_COLUMNS =
      "(id, credential_id, username, user_handle, public_key_cose, signature_count, aaguid,"
          + " transports, backup_eligible, backed_up, nickname, status, created_at, last_used_at)";
  private static final String INSERT_VALUES =
      "(:id, :credentialId, :username, :userHandle, :publicKey, :count, :aaguid, :transports,"
          + " :backupEligible, :backedUp, :nickname, :status, :createdAt, :lastUsedAt)";

  private final Database database;

  public JpaWebAuthnStore(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  public WebAuthnStores stores() {
    return new WebAuthnStores(this, this, this);
  }

  // ---- credentials

  /**
   * Inserts unless the credential id exists. {@code ON CONFLICT DO NOTHING} (PostgreSQL, and H2 in
   * its PostgreSQL mode) lets the unique constraint decide a race between nodes without an error
   * that would abort the caller's transaction.
   */
  @Override
  public boolean insert(WebAuthnCredential credential) {
    String sql =
        "insert into webauthn_credential "
            + INSERT_COLUMNS
            + " values "
            + INSERT_VALUES
            + " on conflict do nothing";
    return database.fromTransaction(
            session ->
                session
                    .createNativeMutationQuery(sql)
                    .setParameter("id", credential.id())
                    .setParameter("credentialId", credential.credentialId().getBase64Url())
                    .setParameter("username", credential.username())
                    .setParameter("userHandle", credential.userHandle().getBase64Url())
                    .setParameter("publicKey", credential.publicKeyCose().getBase64Url())
                    .setParameter("count", credential.signatureCount())
                    .setParameter("aaguid", credential.aaguid().getBase64Url())
                    .setParameter(
                        "transports",
                        WebAuthnCredentialEntity.joinTransports(credential.transports()))
                    .setParameter("backupEligible", credential.backupEligible())
                    .setParameter("backedUp", credential.backedUp())
                    .setParameter("nickname", credential.nickname())
                    .setParameter("status", credential.status().name())
                    .setParameter("createdAt", credential.createdAt())
                    .setParameter("lastUsedAt", credential.lastUsedAt().orElse(null), Instant.class)
                    .executeUpdate())
        == 1;
  }

  @Override
  public List<WebAuthnCredential> forUser(String username) {
    return database.fromTransaction(
        session ->
            session
                .createSelectionQuery(
                    "from WebAuthnCredentialEntity c where c.username = :username"
                        + " order by c.createdAt, c.id",
                    WebAuthnCredentialEntity.class)
                .setParameter("username", username)
                .getResultList()
                .stream()
                .map(entity -> snapshot(session, entity))
                .toList());
  }

  @Override
  public Optional<WebAuthnCredential> byId(ByteArray credentialId) {
    return database.fromTransaction(
        session ->
            session
                .createSelectionQuery(
                    "from WebAuthnCredentialEntity c where c.credentialId = :credentialId",
                    WebAuthnCredentialEntity.class)
                .setParameter("credentialId", credentialId.getBase64Url())
                .uniqueResultOptional()
                .map(entity -> snapshot(session, entity)));
  }

  @Override
  public void recordUse(ByteArray credentialId, long signatureCount, boolean backedUp, Instant at) {
    database.inTransaction(
        session ->
            session
                .createMutationQuery(
                    "update WebAuthnCredentialEntity c set c.signatureCount = :count,"
                        + " c.backedUp = :backedUp, c.lastUsedAt = :at"
                        + " where c.credentialId = :credentialId")
                .setParameter("count", signatureCount)
                .setParameter("backedUp", backedUp)
                .setParameter("at", at)
                .setParameter("credentialId", credentialId.getBase64Url())
                .executeUpdate());
  }

  @Override
  public void setStatus(ByteArray credentialId, CredentialStatus status) {
    database.inTransaction(
        session ->
            session
                .createMutationQuery(
                    "update WebAuthnCredentialEntity c set c.status = :status"
                        + " where c.credentialId = :credentialId")
                .setParameter("status", status)
                .setParameter("credentialId", credentialId.getBase64Url())
                .executeUpdate());
  }

  @Override
  public int disableAll(String username) {
    return database.fromTransaction(
        session ->
            session
                .createMutationQuery(
                    "update WebAuthnCredentialEntity c set c.status = :disabled"
                        + " where c.username = :username and c.status = :active")
                .setParameter("disabled", CredentialStatus.DISABLED)
                .setParameter("active", CredentialStatus.ACTIVE)
                .setParameter("username", username)
                .executeUpdate());
  }

  @Override
  public int removeUnusable(String username) {
    return database.fromTransaction(
        session ->
            session
                .createMutationQuery(
                    "delete from WebAuthnCredentialEntity c"
                        + " where c.username = :username and c.status <> :active")
                .setParameter("active", CredentialStatus.ACTIVE)
                .setParameter("username", username)
                .executeUpdate());
  }

  @Override
  public boolean rename(String username, UUID id, String nickname) {
    return database.fromTransaction(
            session ->
                session
                    .createMutationQuery(
                        "update WebAuthnCredentialEntity c set c.nickname = :nickname"
                            + " where c.id = :id and c.username = :username")
                    .setParameter("nickname", nickname)
                    .setParameter("id", id)
                    .setParameter("username", username)
                    .executeUpdate())
        == 1;
  }

  @Override
  public boolean remove(String username, UUID id) {
    return database.fromTransaction(
            session ->
                session
                    .createMutationQuery(
                        "delete from WebAuthnCredentialEntity c"
                            + " where c.id = :id and c.username = :username")
                    .setParameter("id", id)
                    .setParameter("username", username)
                    .executeUpdate())
        == 1;
  }

  private static WebAuthnCredential snapshot(Session session, WebAuthnCredentialEntity entity) {
    // Detached copies only: state changes are bulk updates a managed instance would hide.
    session.detach(entity);
    return entity.toCredential();
  }

  // ---- user handles

  @Override
  public Optional<ByteArray> find(String username) {
    return database.fromTransaction(
        session ->
            Optional.ofNullable(session.find(WebAuthnUserHandleEntity.class, username))
                .map(e -> WebAuthnCredentialEntity.fromBase64Url(e.userHandle())));
  }

  @Override
  public Optional<String> usernameOf(ByteArray userHandle) {
    return database.fromTransaction(
        session ->
            session
                .createSelectionQuery(
                    "select h.username from WebAuthnUserHandleEntity h"
                        + " where h.userHandle = :handle",
                    String.class)
                .setParameter("handle", userHandle.getBase64Url())
                .uniqueResultOptional());
  }

  @Override
  public ByteArray storeIfAbsent(String username, ByteArray candidate) {
    String sql =
        "insert into webauthn_user_handle (username, user_handle) values (:username, :handle)"
            + " on conflict do nothing";
    return database.fromTransaction(
        session -> {
          session
              .createNativeMutationQuery(sql)
              .setParameter("username", username)
              .setParameter("handle", candidate.getBase64Url())
              .executeUpdate();
          return find(username).orElseThrow();
        });
  }

  // ---- challenges

  @Override
  public void save(PendingCeremony ceremony) {
    database.inTransaction(
        session -> {
          deleteCeremony(session, ceremony.loginTransactionId(), ceremony.kind());
          session.persist(new WebAuthnChallengeEntity(ceremony));
          session.flush();
        });
  }

  @Override
  public Optional<PendingCeremony> consume(String loginTransactionId, CeremonyKind kind) {
    return database.fromTransaction(
        session -> {
          WebAuthnChallengeEntity found =
              session.find(
                  WebAuthnChallengeEntity.class,
                  new WebAuthnChallengeEntity.Key(loginTransactionId, kind));
          if (found == null) {
            return Optional.empty();
          }
          PendingCeremony ceremony = found.toCeremony();
          session.detach(found);
          // Whoever deletes the row owns the challenge; a concurrent consumer waits for the row
          // lock and then deletes nothing.
          return deleteCeremony(session, loginTransactionId, kind) == 1
              ? Optional.of(ceremony)
              : Optional.empty();
        });
  }

  @Override
  public int removeExpired(Instant now) {
    return database.fromTransaction(
        session ->
            session
                .createMutationQuery(
                    "delete from WebAuthnChallengeEntity c where c.expiresAt <= :now")
                .setParameter("now", now)
                .executeUpdate());
  }

  private static int deleteCeremony(Session session, String transactionId, CeremonyKind kind) {
    return session
        .createMutationQuery(
            "delete from WebAuthnChallengeEntity c"
                + " where c.key.loginTransactionId = :tx and c.key.kind = :kind")
        .setParameter("tx", transactionId)
        .setParameter("kind", kind)
        .executeUpdate();
  }
}
