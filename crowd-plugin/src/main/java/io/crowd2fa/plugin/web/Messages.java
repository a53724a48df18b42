package io.crowd2fa.plugin.web;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** User-visible text from the bundle {@code i18n/crowd2fa}; templates never hold literal text. */
public final class Messages {

  private static final String BUNDLE = "i18n.crowd2fa";

  private final ResourceBundle bundle;
  private final Locale locale;

  private Messages(ResourceBundle bundle, Locale locale) {
    this.bundle = bundle;
    this.locale = locale;
  }

  public static Messages forLocale(Locale locale) {
    return new Messages(
        ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader()), locale);
  }

  /** The text of {@code key} with {@code args} filled in; a missing key is a fault in a test. */
  public String get(String key, Object... args) {
    try {
      String pattern = bundle.getString(key);
      return args.length == 0 && !pattern.contains("''")
          ? pattern
          : new MessageFormat(pattern, locale).format(args);
    } catch (MissingResourceException e) {
      throw new IllegalStateException("message key missing: " + key, e);
    }
  }
}
