package io.crowd2fa.plugin.webauthn;

import com.yubico.webauthn.data.ByteArray;
import java.util.Optional;

/**
 * The WebAuthn user handle of each user: random, stable, never derived from the username (it is
 * stored on authenticators and must not identify the person).
 */
public interface UserHandleRepository {

  Optional<ByteArray> find(String username);

  Optional<String> usernameOf(ByteArray userHandle);

  /**
   * Stores {@code candidate} for the user unless one is already stored (a concurrent first
   * registration on another node may have won); returns the handle that is stored.
   */
  ByteArray storeIfAbsent(String username, ByteArray candidate);
}
