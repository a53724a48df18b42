package io.crowd2fa.sandbox.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Where the sandbox lives and listens. Each setting is a system property {@code
 * crowd2fa.sandbox.<name>} or a program argument {@code --<name>=<value>} (arguments win):
 *
 * <ul>
 *   <li>{@code home}: directory for the written configuration files and the H2 database (default: a
 *       new temporary directory)
 *   <li>{@code crowd.port} (8095), {@code jira.port} (8080), {@code confluence.port} (8090); 0
 *       picks a free port (tests)
 *   <li>{@code plugin.jar}: the built 2FA service (default {@code
 *       crowd-plugin/target/crowd-plugin-*-plugin.jar} under the repository root)
 *   <li>{@code authenticator.jar}: the built authenticator (default {@code
 *       seraph-authenticator/target/crowd2fa-seraph.jar})
 *   <li>{@code policy}: a policy JSON to start with instead of the starter policy
 *   <li>{@code seed}: a Crowd stand-in seed file instead of the demo users
 *   <li>{@code domain} and {@code https}: distinct host names under a domain, and HTTPS; see {@link
 *       SandboxNetwork}
 *   <li>{@code repo}: the repository root used for those defaults (default: the nearest directory
 *       upwards from the working directory that holds {@code crowd-plugin} and {@code
 *       seraph-authenticator})
 * </ul>
 */
public record SandboxSettings(
    Path home,
    int crowdPort,
    int jiraPort,
    int confluencePort,
    Path pluginJar,
    Path authenticatorJar,
    Optional<Path> policy,
    Optional<Path> seed,
    SandboxNetwork network) {

  static final String PREFIX = "crowd2fa.sandbox.";
  public static final String HOME = PREFIX + "home";
  public static final String CROWD_PORT = PREFIX + "crowd.port";
  public static final String JIRA_PORT = PREFIX + "jira.port";
  public static final String CONFLUENCE_PORT = PREFIX + "confluence.port";
  public static final String PLUGIN_JAR = PREFIX + "plugin.jar";
  public static final String AUTHENTICATOR_JAR = PREFIX + "authenticator.jar";
  public static final String REPO = PREFIX + "repo";
  public static final String POLICY = PREFIX + "policy";
  public static final String SEED = PREFIX + "seed";

  public SandboxSettings {
    Objects.requireNonNull(home, "home");
    Objects.requireNonNull(pluginJar, "pluginJar");
    Objects.requireNonNull(authenticatorJar, "authenticatorJar");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(seed, "seed");
    Objects.requireNonNull(network, "network");
    requirePort(CROWD_PORT, crowdPort);
    requirePort(JIRA_PORT, jiraPort);
    requirePort(CONFLUENCE_PORT, confluencePort);
  }

  /** Settings from system properties, overridden by {@code --name=value} arguments. */
  public static SandboxSettings from(Properties systemProperties, String... args) {
    Map<String, String> values = new HashMap<>();
    systemProperties.stringPropertyNames().stream()
        .filter(name -> name.startsWith(PREFIX))
        .forEach(name -> values.put(name, systemProperties.getProperty(name)));
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new SandboxLaunchException(
            "Unknown argument '" + arg + "'. Use --name=value, e.g. --crowd.port=9095.");
      }
      String name = arg.substring(2, arg.indexOf('='));
      values.put(PREFIX + name, arg.substring(arg.indexOf('=') + 1));
    }
    return from(values);
  }

  static SandboxSettings from(Map<String, String> values) {
    Optional<Path> repo =
        Optional.ofNullable(values.get(REPO))
            .map(Path::of)
            .or(() -> repositoryRootAbove(Path.of("").toAbsolutePath()));
    return new SandboxSettings(
        Optional.ofNullable(values.get(HOME))
            .map(Path::of)
            .orElseGet(SandboxSettings::temporaryHome),
        port(values, CROWD_PORT, 8095),
        port(values, JIRA_PORT, 8080),
        port(values, CONFLUENCE_PORT, 8090),
        jar(values, PLUGIN_JAR, repo, SandboxSettings::builtPluginJar),
        jar(
            values,
            AUTHENTICATOR_JAR,
            repo,
            r -> r.resolve("seraph-authenticator/target/crowd2fa-seraph.jar")),
        Optional.ofNullable(values.get(POLICY)).map(Path::of),
        Optional.ofNullable(values.get(SEED)).map(Path::of),
        SandboxNetwork.from(values));
  }

  public SandboxSettings withPorts(int crowd, int jira, int confluence) {
    return new SandboxSettings(
        home, crowd, jira, confluence, pluginJar, authenticatorJar, policy, seed, network);
  }

  private static int port(Map<String, String> values, String key, int defaultPort) {
    String value = values.get(key);
    if (value == null) {
      return defaultPort;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new SandboxLaunchException(key + " must be a port number, was '" + value + "'", e);
    }
  }

  private static void requirePort(String key, int port) {
    if (port < 0 || port > 65535) {
      throw new SandboxLaunchException(key + " must be 0..65535, was " + port);
    }
  }

  private static Path jar(
      Map<String, String> values,
      String key,
      Optional<Path> repo,
      Function<Path, Path> defaultUnderRepo) {
    String value = values.get(key);
    if (value != null) {
      return Path.of(value);
    }
    return repo.map(defaultUnderRepo)
        .orElseThrow(
            () ->
                new SandboxLaunchException(
                    "Cannot find the repository root to locate the built jars. Run from the"
                        + " repository, or set -D"
                        + key
                        + "=<path> (or -D"
                        + REPO
                        + "=<repository root>)."));
  }

  static Optional<Path> repositoryRootAbove(Path start) {
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("crowd-plugin"))
          && Files.isDirectory(dir.resolve("seraph-authenticator"))) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  /** {@code crowd-plugin-<version>-plugin.jar}; the version is whatever was built. */
  static Path builtPluginJar(Path repo) {
    Path target = repo.resolve("crowd-plugin/target");
    List<Path> candidates = new ArrayList<>();
    if (Files.isDirectory(target)) {
      try (DirectoryStream<Path> jars =
          Files.newDirectoryStream(target, "crowd-plugin-*-plugin.jar")) {
        jars.forEach(candidates::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return candidates.size() == 1
        ? candidates.get(0)
        : target.resolve("crowd-plugin-<version>-plugin.jar");
  }

  private static Path temporaryHome() {
    try {
      return Files.createTempDirectory("crowd2fa-sandbox-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
