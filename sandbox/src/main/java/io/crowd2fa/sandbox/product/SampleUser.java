package io.crowd2fa.sandbox.product;

import java.util.Objects;
import java.util.Set;

/**
 * A user in a sample product's own directory (real Jira and Confluence keep a synchronised copy of
 * the Crowd directory). The password is used only by the product's own login, which the Crowd2FA
 * authenticator allows for break-glass accounts alone.
 */
public record SampleUser(String name, String password, Set<String> groups, boolean active) {

  public SampleUser {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    Objects.requireNonNull(password, "password");
    groups = Set.copyOf(groups);
  }

  @Override
  public String toString() {
    return "SampleUser[name=" + name + ", groups=" + groups + ", active=" + active + "]";
  }
}
