package io.crowd2fa.plugin.policy;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole policy (DESIGN D10): ordered rules, first match wins, then the default rule; plus the
 * per-application freshness. Versions are assigned by the store, not carried by the document.
 */
public record PolicyDocument(
    List<PolicyRule> rules,
    PolicyRule defaultRule,
    Map<String, ApplicationFreshness> applications) {

  public PolicyDocument {
    if (rules == null || defaultRule == null || applications == null) {
      throw new IllegalArgumentException("rules, defaultRule and applications are required");
    }
    if (!defaultRule.match().equals(RuleMatch.EVERY_LOGIN)) {
      throw new IllegalArgumentException("the default rule must not have conditions");
    }
    Set<String> names = new HashSet<>();
    for (PolicyRule rule : rules) {
      if (!names.add(rule.name()) || rule.name().equals(PolicyRule.DEFAULT_RULE_NAME)) {
        throw new IllegalArgumentException("duplicate or reserved rule name: " + rule.name());
      }
    }
    rules = List.copyOf(rules);
    Map<String, ApplicationFreshness> byName = new LinkedHashMap<>();
    applications.values().forEach(a -> byName.put(a.application(), a));
    applications = Map.copyOf(byName);
  }

  /** Fail-closed default used when nothing is stored or configured: 2FA for every login. */
  public static PolicyDocument requireForEveryone() {
    return new PolicyDocument(
        List.of(),
        PolicyRule.require(
            PolicyRule.DEFAULT_RULE_NAME, RuleMatch.EVERY_LOGIN, EnumSet.allOf(FactorType.class)),
        Map.of());
  }

  public ApplicationFreshness freshnessFor(String application) {
    String name = Names.canonical(application);
    return applications.getOrDefault(name, ApplicationFreshness.unlimited(name));
  }
}
