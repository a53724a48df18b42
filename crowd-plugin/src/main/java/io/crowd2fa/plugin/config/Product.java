package io.crowd2fa.plugin.config;

import java.net.URI;
import java.util.Objects;

/**
 * A product that may be a destination after login: its Crowd application name (what the policy
 * matches) and its base URL (what {@code os_destination} must be under).
 */
public record Product(String application, URI baseUrl) {

  public Product {
    if (application == null || !application.matches("[A-Za-z0-9._-]{1,255}")) {
      throw new IllegalArgumentException("application name must be 1-255 of [A-Za-z0-9._-]");
    }
    Objects.requireNonNull(baseUrl, "baseUrl");
  }
}
