package io.crowd2fa.plugin.audit;

/** What became of an admin's search form: a search to run, or the first field that was wrong. */
public sealed interface AuditSearchParse {

  record Valid(AuditSearch search) implements AuditSearchParse {
    public Valid {
      java.util.Objects.requireNonNull(search, "search");
    }
  }

  /**
   * @param field the form field, for the page and the audit log
   * @param reason a plain explanation that never repeats the value (it may be long or hostile)
   */
  record Invalid(String field, String reason) implements AuditSearchParse {
    public Invalid {
      java.util.Objects.requireNonNull(field, "field");
      java.util.Objects.requireNonNull(reason, "reason");
    }
  }
}
