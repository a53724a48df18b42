package io.crowd2fa.plugin.policy;

import java.net.InetAddress;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything the policy may look at for one login or step-up. Names are canonicalised (Crowd names
 * are case-insensitive). {@code clientAddress} must come from the trusted-proxy-aware resolution of
 * the web layer, never from a raw {@code X-Forwarded-For}.
 */
public record LoginContext(
    String username,
    Set<String> groups,
    String directory,
    String application,
    Optional<InetAddress> clientAddress,
    Instant now,
    Set<FactorType> enrolledFactors,
    Optional<Instant> lastSecondFactorAt,
    Map<String, Instant> lastVerificationByApplication,
    GraceState grace) {

  public LoginContext {
    if (username == null || username.isBlank() || application == null || application.isBlank()) {
      throw new IllegalArgumentException("username and application are required");
    }
    if (groups == null
        || directory == null
        || clientAddress == null
        || now == null
        || enrolledFactors == null
        || lastSecondFactorAt == null
        || lastVerificationByApplication == null
        || grace == null) {
      throw new IllegalArgumentException("login context parts must not be null");
    }
    username = Names.canonical(username);
    groups = Names.canonical(groups);
    directory = Names.canonical(directory);
    application = Names.canonical(application);
    enrolledFactors =
        enrolledFactors.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(enrolledFactors));
    lastVerificationByApplication =
        lastVerificationByApplication.entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    e -> Names.canonical(e.getKey()), Map.Entry::getValue));
  }

  /** The last second-factor verification that counts for this application. */
  Optional<Instant> lastVerification() {
    return Optional.ofNullable(lastVerificationByApplication.get(application))
        .or(() -> lastSecondFactorAt);
  }
}
