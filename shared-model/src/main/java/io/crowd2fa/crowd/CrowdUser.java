package io.crowd2fa.crowd;

import java.util.Objects;

/**
 * A Crowd user entity as answered by {@code GET /user}, {@code POST /authentication} or a session.
 */
public record CrowdUser(
    String name,
    String firstName,
    String lastName,
    String displayName,
    String email,
    boolean active) {

  public CrowdUser {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("user name must not be blank");
    }
    firstName = Objects.requireNonNullElse(firstName, "");
    lastName = Objects.requireNonNullElse(lastName, "");
    displayName = Objects.requireNonNullElse(displayName, "");
    email = Objects.requireNonNullElse(email, "");
  }
}
