package io.crowd2fa.sandbox.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The sandbox home directory and the real-format configuration files the launcher writes into it,
 * so that admins can read them as examples of what to put into Crowd and their products:
 *
 * <pre>
 * crowd2fa/crowd2fa.properties   the 2FA service's configuration (init-param crowd2fa.config)
 * crowd2fa/crowd.properties      the service's Crowd application credentials
 * crowd2fa/policy.json           the starter policy
 * crowd2fa/keys/                 the at-rest encryption key (created by the service)
 * crowd2fa/data/                 the H2 database
 * jira/WEB-INF/classes/          seraph-config.xml and crowd.properties of the Jira-like app
 * confluence/WEB-INF/classes/    the same for the Confluence-like app
 * </pre>
 */
public final class SandboxHome {

  static final String STARTER_POLICY_RESOURCE = "sandbox/starter-policy.json";

  private final Path root;

  public SandboxHome(Path root) {
    this.root = Objects.requireNonNull(root, "root").toAbsolutePath();
  }

  public Path root() {
    return root;
  }

  public Path serviceConfig() {
    return root.resolve("crowd2fa/crowd2fa.properties");
  }

  public Path serviceCrowdProperties() {
    return root.resolve("crowd2fa/crowd.properties");
  }

  public Path policy() {
    return root.resolve("crowd2fa/policy.json");
  }

  public Path keyFile() {
    return root.resolve("crowd2fa/keys/crowd2fa-secrets.key");
  }

  /** H2 in PostgreSQL mode, the same settings the service uses for its own single-node default. */
  public String h2Url() {
    return "jdbc:h2:file:"
        + root.resolve("crowd2fa/data/crowd2fa")
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000";
  }

  /** {@code WEB-INF/classes} of a product: on its class path, as in a real installation. */
  public Path productClasses(Product product) {
    return root.resolve(product.application() + "/WEB-INF/classes");
  }

  public Path seraphConfig(Product product) {
    return productClasses(product).resolve("seraph-config.xml");
  }

  public Path productCrowdProperties(Product product) {
    return productClasses(product).resolve("crowd.properties");
  }

  /** Writes every file; the policy only when none is there, so an edited policy survives. */
  public void write(SandboxTopology topology, Path policyOverride) {
    for (Path directory :
        new Path[] {
          keyFile().getParent(), root.resolve("crowd2fa/data"),
        }) {
      createDirectories(directory);
    }
    writeFile(serviceCrowdProperties(), ConfigFiles.crowdProperties(topology, Product.SERVICE));
    writeFile(serviceConfig(), ConfigFiles.serviceProperties(topology, this));
    for (Product product : Product.PRODUCTS) {
      createDirectories(productClasses(product));
      writeFile(productCrowdProperties(product), ConfigFiles.crowdProperties(topology, product));
      writeFile(seraphConfig(product), ConfigFiles.seraphConfig(topology, product));
    }
    if (policyOverride != null) {
      writeFile(policy(), read(policyOverride));
    } else if (!Files.exists(policy())) {
      writeFile(policy(), starterPolicy());
    }
  }

  static String starterPolicy() {
    try (InputStream in =
        SandboxHome.class.getClassLoader().getResourceAsStream(STARTER_POLICY_RESOURCE)) {
      if (in == null) {
        throw new SandboxLaunchException(STARTER_POLICY_RESOURCE + " is missing from the sandbox");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new SandboxLaunchException("Cannot read the policy file " + file, e);
    }
  }

  private static void writeFile(Path file, String content) {
    try {
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SandboxLaunchException("Cannot write " + file, e);
    }
  }

  private static void createDirectories(Path directory) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new SandboxLaunchException("Cannot create " + directory, e);
    }
  }
}
