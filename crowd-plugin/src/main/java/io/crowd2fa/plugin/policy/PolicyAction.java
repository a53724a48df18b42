package io.crowd2fa.plugin.policy;

import java.util.Arrays;
import java.util.Optional;

/** What a matching rule does with the login. */
public enum PolicyAction {
  REQUIRE("require"),
  EXEMPT("exempt"),
  DENY("deny");

  private final String jsonName;

  PolicyAction(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }

  public static Optional<PolicyAction> fromJsonName(String name) {
    return Arrays.stream(values()).filter(a -> a.jsonName.equals(name)).findFirst();
  }
}
