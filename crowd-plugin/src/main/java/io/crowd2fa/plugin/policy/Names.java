package io.crowd2fa.plugin.policy;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Crowd compares user, group, directory and application names without regard to case. */
final class Names {
  private Names() {}

  static String canonical(String name) {
    return name.trim().toLowerCase(Locale.ROOT);
  }

  static Set<String> canonical(Set<String> names) {
    return names.stream().map(Names::canonical).collect(Collectors.toUnmodifiableSet());
  }
}
