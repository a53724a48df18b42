package io.crowd2fa.plugin.policy;

import java.time.Instant;

/**
 * One saved version of the policy, exactly as stored: the canonical JSON written by {@link
 * PolicyJson#write}.
 */
public record StoredPolicy(int version, String documentJson, Instant changedAt, String changedBy) {

  public StoredPolicy {
    if (version < 1) {
      throw new IllegalArgumentException("versions start at 1");
    }
    if (documentJson == null || changedAt == null || changedBy == null || changedBy.isBlank()) {
      throw new IllegalArgumentException("document, time and author are required");
    }
  }
}
