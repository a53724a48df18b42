package io.crowd2fa.plugin.policy;

import java.util.List;
import java.util.Optional;

/** The policy's version history. Versions are never changed or deleted. */
public interface PolicyRepository {

  /** The highest version, or empty before the first save. */
  Optional<StoredPolicy> current();

  /**
   * Stores a new version. Returns false, storing nothing, if that version number is already taken
   * (another admin saved first): the primary key decides, on any node.
   */
  boolean insert(StoredPolicy policy);

  /** Newest first, at most {@code limit}. */
  List<StoredPolicy> history(int limit);
}
