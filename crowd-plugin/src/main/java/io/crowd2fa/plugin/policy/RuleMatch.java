package io.crowd2fa.plugin.policy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The conditions of a rule. Every condition present must hold; an absent condition (empty) holds
 * for every login.
 */
public record RuleMatch(
    Optional<GroupMatch> groups,
    Set<String> directories,
    Set<String> applications,
    List<Cidr> networks) {

  public static final RuleMatch EVERY_LOGIN =
      new RuleMatch(Optional.empty(), Set.of(), Set.of(), List.of());

  public RuleMatch {
    if (groups == null || directories == null || applications == null || networks == null) {
      throw new IllegalArgumentException("conditions must not be null; use empty for 'any'");
    }
    directories = Names.canonical(directories);
    applications = Names.canonical(applications);
    networks = List.copyOf(networks);
  }

  boolean matches(LoginContext login) {
    return groups.map(g -> g.matches(login.groups())).orElse(true)
        && (directories.isEmpty() || directories.contains(login.directory()))
        && (applications.isEmpty() || applications.contains(login.application()))
        && (networks.isEmpty() || inNetworks(login));
  }

  // Without a known client address a network condition never holds: an exemption by network must
  // not be granted to a client whose address we could not establish.
  private boolean inNetworks(LoginContext login) {
    return login
        .clientAddress()
        .map(address -> networks.stream().anyMatch(n -> n.contains(address)))
        .orElse(false);
  }
}
