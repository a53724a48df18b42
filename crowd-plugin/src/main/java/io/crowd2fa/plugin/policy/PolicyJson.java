package io.crowd2fa.plugin.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes the policy JSON (config as code). Reading is strict: unknown fields, duplicate
 * keys, wrong types and contradictory settings are rejected with the JSON pointer of the field, so
 * a typo can never silently weaken the policy.
 */
public final class PolicyJson {
  /** Documents are edited by hand and posted by admins; bound them. */
  public static final int MAX_DOCUMENT_CHARS = 256 * 1024;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final Set<String> DOCUMENT_FIELDS = Set.of("rules", "defaultRule", "applications");
  private static final Set<String> RULE_FIELDS =
      Set.of("name", "match", "action", "factors", "enrolmentGrace", "reason");
  private static final Set<String> MATCH_FIELDS =
      Set.of("groups", "directories", "applications", "networks");

  public PolicyParseResult parse(String json) {
    if (json == null || json.isBlank()) {
      return new PolicyParseResult.Invalid("", "the document is empty");
    }
    if (json.length() > MAX_DOCUMENT_CHARS) {
      return new PolicyParseResult.Invalid("", "the document exceeds " + MAX_DOCUMENT_CHARS);
    }
    try {
      return new PolicyParseResult.Parsed(document(MAPPER.readTree(json)));
    } catch (JsonProcessingException e) {
      return new PolicyParseResult.Invalid("", "not valid JSON: " + e.getOriginalMessage());
    } catch (InvalidField e) {
      return new PolicyParseResult.Invalid(e.pointer, e.getMessage());
    }
  }

  public String write(PolicyDocument policy) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode rules = root.putArray("rules");
    policy.rules().forEach(r -> rules.add(writeRule(r, true)));
    root.set("defaultRule", writeRule(policy.defaultRule(), false));
    ObjectNode apps = root.putObject("applications");
    policy.applications().values().stream()
        .sorted((a, b) -> a.application().compareTo(b.application()))
        .forEach(a -> apps.set(a.application(), writeFreshness(a)));
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree is always serialisable", e);
    }
  }

  // ---- reading

  private static PolicyDocument document(JsonNode root) {
    object(root, "");
    onlyFields(root, "", DOCUMENT_FIELDS);
    JsonNode rulesNode = root.path("rules");
    List<PolicyRule> rules = new ArrayList<>();
    if (!rulesNode.isMissingNode()) {
      array(rulesNode, "/rules");
      Set<String> names = new LinkedHashSet<>();
      for (int i = 0; i < rulesNode.size(); i++) {
        String at = "/rules/" + i;
        PolicyRule rule = rule(rulesNode.get(i), at, true);
        if (!names.add(rule.name()) || rule.name().equals(PolicyRule.DEFAULT_RULE_NAME)) {
          throw new InvalidField(at + "/name", "duplicate or reserved rule name: " + rule.name());
        }
        rules.add(rule);
      }
    }
    JsonNode defaultNode = required(root, "", "defaultRule");
    PolicyRule defaultRule = rule(defaultNode, "/defaultRule", false);
    Map<String, ApplicationFreshness> apps = applications(root.path("applications"));
    return new PolicyDocument(rules, defaultRule, apps);
  }

  private static PolicyRule rule(JsonNode node, String at, boolean named) {
    object(node, at);
    Set<String> allowed = new LinkedHashSet<>(RULE_FIELDS);
    if (!named) {
      allowed.removeAll(Set.of("name", "match"));
    }
    onlyFields(node, at, allowed);
    String name =
        named ? text(required(node, at, "name"), at + "/name") : PolicyRule.DEFAULT_RULE_NAME;
    RuleMatch match =
        named && node.has("match")
            ? match(node.get("match"), at + "/match")
            : RuleMatch.EVERY_LOGIN;
    String actionText = text(required(node, at, "action"), at + "/action");
    PolicyAction action =
        PolicyAction.fromJsonName(actionText)
            .orElseThrow(
                () -> new InvalidField(at + "/action", "must be one of require, exempt, deny"));
    if (action != PolicyAction.REQUIRE) {
      forbidden(node, at, "factors", "only a require rule allows factors");
      forbidden(node, at, "enrolmentGrace", "only a require rule has an enrolment grace");
    }
    if (action != PolicyAction.DENY) {
      forbidden(node, at, "reason", "only a deny rule has a reason");
    }
    Set<FactorType> factors =
        action == PolicyAction.REQUIRE
            ? (node.has("factors")
                ? factors(node.get("factors"), at + "/factors")
                : EnumSet.allOf(FactorType.class))
            : Set.of();
    EnrolmentGrace grace =
        node.has("enrolmentGrace")
            ? grace(node.get("enrolmentGrace"), at + "/enrolmentGrace")
            : new EnrolmentGrace.None();
    Optional<String> reason =
        action == PolicyAction.DENY ? Optional.of(reason(node, at)) : Optional.empty();
    try {
      return new PolicyRule(name, match, action, factors, grace, reason);
    } catch (IllegalArgumentException e) {
      throw new InvalidField(named ? at + "/name" : at, e.getMessage());
    }
  }

  private static String reason(JsonNode rule, String at) {
    String reason = text(required(rule, at, "reason"), at + "/reason");
    if (reason.isBlank() || reason.length() > 200) {
      throw new InvalidField(at + "/reason", "must be 1..200 characters");
    }
    return reason;
  }

  private static RuleMatch match(JsonNode node, String at) {
    object(node, at);
    onlyFields(node, at, MATCH_FIELDS);
    Optional<GroupMatch> groups =
        node.has("groups")
            ? Optional.of(groups(node.get("groups"), at + "/groups"))
            : Optional.empty();
    Set<String> directories = names(node.get("directories"), at + "/directories");
    Set<String> applications = names(node.get("applications"), at + "/applications");
    List<Cidr> networks = new ArrayList<>();
    JsonNode nets = node.get("networks");
    if (nets != null) {
      nonEmptyArray(nets, at + "/networks");
      for (int i = 0; i < nets.size(); i++) {
        String netAt = at + "/networks/" + i;
        String text = text(nets.get(i), netAt);
        networks.add(
            Cidr.parse(text)
                .orElseThrow(
                    () ->
                        new InvalidField(
                            netAt,
                            "not an IP literal or CIDR network with zero host bits"
                                + " (e.g. 10.0.0.0/8, 2001:db8::/32): "
                                + text)));
      }
    }
    return new RuleMatch(groups, directories, applications, networks);
  }

  private static GroupMatch groups(JsonNode node, String at) {
    object(node, at);
    if (node.size() != 1) {
      throw new InvalidField(at, "must have exactly one of any, all, none");
    }
    String key = node.fieldNames().next();
    for (GroupMatch.Mode mode : GroupMatch.Mode.values()) {
      if (mode.jsonName().equals(key)) {
        return new GroupMatch(mode, names(node.get(key), at + "/" + key));
      }
    }
    throw new InvalidField(at + "/" + key, "unknown group condition; use any, all or none");
  }

  private static Set<String> names(JsonNode node, String at) {
    if (node == null) {
      return Set.of();
    }
    nonEmptyArray(node, at);
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < node.size(); i++) {
      String name = text(node.get(i), at + "/" + i);
      if (name.isBlank() || name.length() > 255) {
        throw new InvalidField(at + "/" + i, "must be 1..255 characters");
      }
      names.add(name);
    }
    return names;
  }

  private static Set<FactorType> factors(JsonNode node, String at) {
    nonEmptyArray(node, at);
    Set<FactorType> factors = EnumSet.noneOf(FactorType.class);
    for (int i = 0; i < node.size(); i++) {
      String name = text(node.get(i), at + "/" + i);
      String itemAt = at + "/" + i;
      factors.add(
          FactorType.fromJsonName(name)
              .orElseThrow(() -> new InvalidField(itemAt, "unknown factor; use totp or webauthn")));
    }
    return factors;
  }

  private static EnrolmentGrace grace(JsonNode node, String at) {
    object(node, at);
    if (node.size() != 1) {
      throw new InvalidField(at, "must have exactly one of logins, until");
    }
    if (node.has("logins")) {
      JsonNode logins = node.get("logins");
      if (!logins.canConvertToExactIntegral() || logins.asInt() < 1 || logins.asInt() > 1000) {
        throw new InvalidField(at + "/logins", "must be an integer 1..1000");
      }
      return new EnrolmentGrace.Logins(logins.asInt());
    }
    if (node.has("until")) {
      String text = text(node.get("until"), at + "/until");
      try {
        return new EnrolmentGrace.Until(Instant.parse(text));
      } catch (DateTimeParseException e) {
        throw new InvalidField(
            at + "/until", "must be an ISO-8601 instant such as 2027-01-31T00:00:00Z");
      }
    }
    throw new InvalidField(
        at + "/" + node.fieldNames().next(), "unknown grace; use logins or until");
  }

  private static Map<String, ApplicationFreshness> applications(JsonNode node) {
    Map<String, ApplicationFreshness> apps = new LinkedHashMap<>();
    if (node.isMissingNode()) {
      return apps;
    }
    object(node, "/applications");
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String at = "/applications/" + escape(entry.getKey());
      if (entry.getKey().isBlank() || entry.getKey().length() > 255) {
        throw new InvalidField(at, "application name must be 1..255 characters");
      }
      ApplicationFreshness freshness = freshness(entry.getKey(), entry.getValue(), at);
      if (apps.put(freshness.application(), freshness) != null) {
        throw new InvalidField(at, "application listed twice (names are case-insensitive)");
      }
    }
    return apps;
  }

  private static ApplicationFreshness freshness(String application, JsonNode node, String at) {
    object(node, at);
    onlyFields(node, at, Set.of("maxAgeSeconds", "paths"));
    JsonNode maxAgeNode = node.path("maxAgeSeconds");
    Optional<Duration> maxAge =
        maxAgeNode.isMissingNode() || maxAgeNode.isNull()
            ? Optional.empty()
            : Optional.of(seconds(maxAgeNode, at + "/maxAgeSeconds"));
    List<PathFreshness> paths = new ArrayList<>();
    JsonNode pathsNode = node.get("paths");
    if (pathsNode != null) {
      array(pathsNode, at + "/paths");
      for (int i = 0; i < pathsNode.size(); i++) {
        paths.add(path(pathsNode.get(i), at + "/paths/" + i));
      }
    }
    return new ApplicationFreshness(application, maxAge, paths);
  }

  private static PathFreshness path(JsonNode node, String at) {
    object(node, at);
    onlyFields(node, at, Set.of("pattern", "maxAgeSeconds"));
    String pattern = text(required(node, at, "pattern"), at + "/pattern");
    Duration maxAge = seconds(required(node, at, "maxAgeSeconds"), at + "/maxAgeSeconds");
    try {
      return new PathFreshness(pattern, maxAge);
    } catch (IllegalArgumentException e) {
      throw new InvalidField(at + "/pattern", e.getMessage());
    }
  }

  private static Duration seconds(JsonNode node, String at) {
    long max = ApplicationFreshness.LONGEST.toSeconds();
    if (!node.isIntegralNumber() || node.asLong() < 1 || node.asLong() > max) {
      throw new InvalidField(at, "must be an integer number of seconds 1.." + max);
    }
    return Duration.ofSeconds(node.asLong());
  }

  // ---- small checks

  private static void object(JsonNode node, String at) {
    if (!node.isObject()) {
      throw new InvalidField(at, "must be an object");
    }
  }

  private static void array(JsonNode node, String at) {
    if (!node.isArray()) {
      throw new InvalidField(at, "must be an array");
    }
  }

  private static void nonEmptyArray(JsonNode node, String at) {
    array(node, at);
    if (node.isEmpty()) {
      throw new InvalidField(at, "must not be empty; leave the condition out to match everything");
    }
  }

  private static String text(JsonNode node, String at) {
    if (!node.isTextual()) {
      throw new InvalidField(at, "must be a string");
    }
    return node.textValue();
  }

  private static JsonNode required(JsonNode node, String at, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new InvalidField(at + "/" + field, "is required");
    }
    return value;
  }

  private static void forbidden(JsonNode node, String at, String field, String why) {
    if (node.has(field)) {
      throw new InvalidField(at + "/" + field, why);
    }
  }

  private static void onlyFields(JsonNode node, String at, Set<String> allowed) {
    node.fieldNames()
        .forEachRemaining(
            f -> {
              if (!allowed.contains(f)) {
                throw new InvalidField(at + "/" + escape(f), "unknown field; allowed: " + allowed);
              }
            });
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  // ---- writing

  private static ObjectNode writeRule(PolicyRule rule, boolean named) {
    ObjectNode node = MAPPER.createObjectNode();
    if (named) {
      node.put("name", rule.name());
      if (!rule.match().equals(RuleMatch.EVERY_LOGIN)) {
        node.set("match", writeMatch(rule.match()));
      }
    }
    node.put("action", rule.action().jsonName());
    if (rule.action() == PolicyAction.REQUIRE) {
      ArrayNode factors = node.putArray("factors");
      EnumSet.copyOf(rule.factors()).forEach(f -> factors.add(f.jsonName()));
      writeGrace(rule.grace(), node);
    }
    rule.denyReason().ifPresent(r -> node.put("reason", r));
    return node;
  }

  private static void writeGrace(EnrolmentGrace grace, ObjectNode rule) {
    if (grace instanceof EnrolmentGrace.Logins logins) {
      rule.putObject("enrolmentGrace").put("logins", logins.count());
    } else if (grace instanceof EnrolmentGrace.Until until) {
      rule.putObject("enrolmentGrace").put("until", until.deadline().toString());
    }
  }

  private static ObjectNode writeMatch(RuleMatch match) {
    ObjectNode node = MAPPER.createObjectNode();
    match
        .groups()
        .ifPresent(
            g -> {
              ArrayNode names = node.putObject("groups").putArray(g.mode().jsonName());
              g.groups().stream().sorted().forEach(names::add);
            });
    writeNames(node, "directories", match.directories());
    writeNames(node, "applications", match.applications());
    if (!match.networks().isEmpty()) {
      ArrayNode nets = node.putArray("networks");
      match.networks().forEach(n -> nets.add(n.toString()));
    }
    return node;
  }

  private static void writeNames(ObjectNode node, String field, Set<String> names) {
    if (!names.isEmpty()) {
      ArrayNode array = node.putArray(field);
      names.stream().sorted().forEach(array::add);
    }
  }

  private static ObjectNode writeFreshness(ApplicationFreshness freshness) {
    ObjectNode node = MAPPER.createObjectNode();
    freshness
        .maxAge()
        .ifPresentOrElse(
            a -> node.put("maxAgeSeconds", a.toSeconds()), () -> node.putNull("maxAgeSeconds"));
    ArrayNode paths = node.putArray("paths");
    freshness
        .paths()
        .forEach(
            p ->
                paths
                    .addObject()
                    .put("pattern", p.pattern())
                    .put("maxAgeSeconds", p.maxAge().toSeconds()));
    return node;
  }

  /** Internal control flow of the reader; always converted to {@link PolicyParseResult.Invalid}. */
  private static final class InvalidField extends RuntimeException {
    private final String pointer;

    InvalidField(String pointer, String message) {
      super(message, null, false, false);
      this.pointer = pointer;
    }
  }
}
