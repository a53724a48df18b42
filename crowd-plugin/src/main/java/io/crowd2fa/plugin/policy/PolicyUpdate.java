package io.crowd2fa.plugin.policy;

/** Outcome of saving a new policy version. */
public sealed interface PolicyUpdate {

  record Saved(VersionedPolicy policy) implements PolicyUpdate {}

  /** The document was refused; {@code field} is the JSON pointer of the offending field. */
  record Invalid(String field, String message) implements PolicyUpdate {}

  /** Someone saved version {@code currentVersion} after the editor loaded the one they changed. */
  record Conflict(int currentVersion) implements PolicyUpdate {}

  /** The document is the same as the one in force; nothing was saved. */
  record Unchanged(VersionedPolicy policy) implements PolicyUpdate {}
}
