package com.atlassian.seraph.config;

/**
 * Seraph 4.1.4: the process-wide {@link SecurityConfig}.
 *
 * <p>The real class parses {@code seraph-config.xml} lazily on first use. This declaration has no
 * parser, so nothing is loaded: a host or a harness must publish its configuration with the real,
 * public {@link #setSecurityConfig(SecurityConfig)} first, and {@link #getInstance()} fails the way
 * the real one does when loading fails (an unchecked exception).
 */
public class SecurityConfigFactory {
  private static volatile SecurityConfig instance;

  private SecurityConfigFactory() {}

  public static SecurityConfig getInstance() {
    return getInstance("seraph-config.xml");
  }

  public static SecurityConfig getInstance(String configFileLocation) {
    SecurityConfig current = instance;
    if (current == null) {
      throw new IllegalStateException(
          "No SecurityConfig published: atlassian-api cannot load "
              + configFileLocation
              + "; call SecurityConfigFactory.setSecurityConfig first");
    }
    return current;
  }

  public static void setSecurityConfig(SecurityConfig securityConfig) {
    instance = securityConfig;
  }
}
