package io.crowd2fa.plugin.policy;

import java.util.Set;

/** Matches a user's nested groups: any of, all of, or none of the listed groups. */
public record GroupMatch(Mode mode, Set<String> groups) {

  public enum Mode {
    ANY("any"),
    ALL("all"),
    NONE("none");

    private final String jsonName;

    Mode(String jsonName) {
      this.jsonName = jsonName;
    }

    public String jsonName() {
      return jsonName;
    }
  }

  public GroupMatch {
    if (mode == null) {
      throw new IllegalArgumentException("mode is required");
    }
    if (groups == null || groups.isEmpty()) {
      throw new IllegalArgumentException("at least one group is required");
    }
    groups = Names.canonical(groups);
  }

  /** {@code userGroups} must already be canonical (see {@link LoginContext}). */
  boolean matches(Set<String> userGroups) {
    return switch (mode) {
      case ANY -> groups.stream().anyMatch(userGroups::contains);
      case ALL -> userGroups.containsAll(groups);
      case NONE -> groups.stream().noneMatch(userGroups::contains);
    };
  }
}
