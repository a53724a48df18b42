package io.crowd2fa.plugin.policy;

import java.time.Instant;
import java.util.Optional;

/**
 * The policy in force. Version 0 is the built-in fail-closed default ({@link
 * PolicyDocument#requireForEveryone()}) used until a document is saved or imported.
 */
public record VersionedPolicy(
    int version, PolicyDocument document, Optional<Instant> changedAt, Optional<String> changedBy) {

  public static final VersionedPolicy BUILT_IN =
      new VersionedPolicy(
          0, PolicyDocument.requireForEveryone(), Optional.empty(), Optional.empty());

  public VersionedPolicy {
    if (version < 0 || document == null || changedAt == null || changedBy == null) {
      throw new IllegalArgumentException("version >= 0 and a document are required");
    }
  }
}
