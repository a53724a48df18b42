package io.crowd2fa.plugin.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

final class PolicyFixtures {
  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

  private PolicyFixtures() {}

  static String samplePolicyJson() {
    try (InputStream in = PolicyFixtures.class.getResourceAsStream("sample-policy.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PolicyDocument samplePolicy() {
    return parsed(samplePolicyJson());
  }

  static PolicyDocument parsed(String json) {
    PolicyParseResult result = new PolicyJson().parse(json);
    if (result instanceof PolicyParseResult.Parsed parsed) {
      return parsed.document();
    }
    throw new AssertionError("fixture policy is invalid: " + result);
  }

  /** {@code groups} and {@code factors} are comma-separated, "-" for none, ip "-" for unknown. */
  static LoginContext login(
      String user, String groups, String directory, String app, String ip, String factors) {
    return new LoginContext(
        user,
        split(groups),
        directory,
        app,
        ip.equals("-") ? Optional.empty() : IpLiteral.parse(ip),
        NOW,
        factorSet(factors),
        Optional.empty(),
        Map.of(),
        GraceState.UNUSED);
  }

  static Set<FactorType> factorSet(String factors) {
    Set<FactorType> set = EnumSet.noneOf(FactorType.class);
    split(factors).forEach(f -> set.add(FactorType.fromJsonName(f).orElseThrow()));
    return set;
  }

  private static Set<String> split(String csv) {
    if (csv.equals("-")) {
      return Set.of();
    }
    return Arrays.stream(csv.split(",")).map(String::trim).collect(Collectors.toSet());
  }
}
