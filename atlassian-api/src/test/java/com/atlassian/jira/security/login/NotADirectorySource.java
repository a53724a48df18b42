package com.atlassian.jira.security.login;

import com.atlassian.seraph.config.SecurityConfig;
import java.lang.reflect.Proxy;

/** A SecurityConfig that is not a harness directory source: it forwards to another config. */
final class NotADirectorySource {
  private NotADirectorySource() {}

  static SecurityConfig of(SecurityConfig delegate) {
    return (SecurityConfig)
        Proxy.newProxyInstance(
            SecurityConfig.class.getClassLoader(),
            new Class<?>[] {SecurityConfig.class},
            (proxy, method, args) -> method.invoke(delegate, args));
  }
}
