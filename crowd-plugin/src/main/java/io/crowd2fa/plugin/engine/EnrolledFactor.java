package io.crowd2fa.plugin.engine;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One enrolled second factor as the user and the admin see it. */
public record EnrolledFactor(
    UUID id,
    FactorType type,
    String nickname,
    FactorStatus status,
    Instant createdAt,
    Instant lastUsedAt) {

  public EnrolledFactor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(nickname, "nickname");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
