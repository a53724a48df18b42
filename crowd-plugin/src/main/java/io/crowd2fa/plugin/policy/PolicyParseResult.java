package io.crowd2fa.plugin.policy;

/** Outcome of reading a policy document: the document, or the first offending field and why. */
public sealed interface PolicyParseResult {

  record Parsed(PolicyDocument document) implements PolicyParseResult {}

  /** {@code field} is a JSON pointer (RFC 6901) such as {@code /rules/2/match/networks/0}. */
  record Invalid(String field, String message) implements PolicyParseResult {
    @Override
    public String toString() {
      return (field.isEmpty() ? "document" : field) + ": " + message;
    }
  }
}
