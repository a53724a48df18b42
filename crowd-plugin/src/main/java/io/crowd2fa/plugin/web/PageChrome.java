package io.crowd2fa.plugin.web;

import java.util.Objects;

/**
 * What every page template needs: the messages, the service's base path for links and form actions,
 * and the CSRF token for forms.
 */
public record PageChrome(Messages messages, String base, String csrf) {

  public PageChrome {
    Objects.requireNonNull(messages, "messages");
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(csrf, "csrf");
  }

  public String msg(String key, Object... args) {
    return messages.get(key, args);
  }

  public String csrfField() {
    return CsrfGuard.FIELD;
  }
}
