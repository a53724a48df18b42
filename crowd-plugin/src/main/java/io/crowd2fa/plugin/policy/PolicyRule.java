package io.crowd2fa.plugin.policy;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One rule of a policy: when {@link #match} holds, {@link #action} applies. {@code factors} and
 * {@code grace} only mean something for {@link PolicyAction#REQUIRE}, {@code denyReason} only for
 * {@link PolicyAction#DENY}.
 */
public record PolicyRule(
    String name,
    RuleMatch match,
    PolicyAction action,
    Set<FactorType> factors,
    EnrolmentGrace grace,
    Optional<String> denyReason) {

  public static final String DEFAULT_RULE_NAME = "default";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  public PolicyRule {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("name must be 1-64 of [A-Za-z0-9._-]");
    }
    if (match == null || action == null || factors == null || grace == null || denyReason == null) {
      throw new IllegalArgumentException("rule parts must not be null");
    }
    if (action == PolicyAction.REQUIRE && factors.isEmpty()) {
      throw new IllegalArgumentException("a require rule must allow at least one factor");
    }
    factors = factors.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(factors));
  }

  public static PolicyRule require(String name, RuleMatch match, Set<FactorType> factors) {
    return new PolicyRule(
        name, match, PolicyAction.REQUIRE, factors, new EnrolmentGrace.None(), Optional.empty());
  }

  public static PolicyRule exempt(String name, RuleMatch match) {
    return new PolicyRule(
        name, match, PolicyAction.EXEMPT, Set.of(), new EnrolmentGrace.None(), Optional.empty());
  }

  public static PolicyRule deny(String name, RuleMatch match, String reason) {
    return new PolicyRule(
        name, match, PolicyAction.DENY, Set.of(), new EnrolmentGrace.None(), Optional.of(reason));
  }

  public PolicyRule withGrace(EnrolmentGrace newGrace) {
    return new PolicyRule(name, match, action, factors, newGrace, denyReason);
  }
}
