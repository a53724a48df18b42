package io.crowd2fa.plugin.webauthn;

import com.yubico.webauthn.data.ByteArray;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Storage of registered credentials. Credential ids are unique across all users. */
public interface WebAuthnCredentialRepository {

  /**
   * Stores a new credential. Returns false, storing nothing, if the credential id is already
   * registered (to anyone): a unique constraint in the database, so two nodes registering the same
   * id at once cannot both succeed.
   */
  boolean insert(WebAuthnCredential credential);

  List<WebAuthnCredential> forUser(String username);

  Optional<WebAuthnCredential> byId(ByteArray credentialId);

  /** After a verified assertion: the new counter, backup state and time of use. */
  void recordUse(ByteArray credentialId, long signatureCount, boolean backedUp, Instant at);

  void setStatus(ByteArray credentialId, CredentialStatus status);

  /** Disables every active credential of the user; returns how many. */
  int disableAll(String username);

  /**
   * Deletes every credential of the user that is not {@link CredentialStatus#ACTIVE} (disabled or
   * possibly cloned: either way it must be registered again); returns how many.
   */
  int removeUnusable(String username);

  boolean rename(String username, UUID id, String nickname);

  boolean remove(String username, UUID id);
}
