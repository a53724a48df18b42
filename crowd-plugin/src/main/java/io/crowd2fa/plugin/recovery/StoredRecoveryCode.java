package io.crowd2fa.plugin.recovery;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A recovery code as stored: identifier, salt and hash, never the code.
 *
 * @param usedAt when it was consumed; {@code null} while unused
 */
public record StoredRecoveryCode(
    UUID id,
    String username,
    String codeId,
    String salt,
    String hash,
    Instant createdAt,
    Instant usedAt) {

  public StoredRecoveryCode {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(codeId, "codeId");
    Objects.requireNonNull(salt, "salt");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
