package io.crowd2fa.sandbox.launcher;

import io.crowd2fa.sandbox.tls.ServerTls;
import io.crowd2fa.sandbox.tls.TestCertificateAuthority;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Prepares what {@link SandboxNetwork} asks for before any server starts: checks that this JVM
 * resolves the host names to their loopback addresses, and for HTTPS makes the test CA, the
 * server's key store and the CA's PEM in the sandbox home, and makes this JVM trust that CA (the
 * servers call each other: products to Crowd's REST API and the service's keys, the service to
 * Crowd).
 */
final class NetworkSetup {

  static final String HOSTS_FILE_HINT =
      "start the JVM with -Djdk.net.hosts.file=sandbox/sandbox.hosts (for ./mvnw: MAVEN_OPTS), or"
          + " add the names of sandbox/sandbox.hosts to /etc/hosts";

  /** What the servers need: the TLS material, when HTTPS. */
  record Prepared(Optional<ServerTls> tls, Optional<TestCertificateAuthority> ca) {}

  private NetworkSetup() {}

  static Prepared prepare(SandboxTopology topology, SandboxHome home) {
    if (topology.network().domain().isPresent()) {
      for (Product app : List.of(Product.SERVICE, Product.JIRA, Product.CONFLUENCE)) {
        requireResolves(topology.host(app), topology.bindAddress(app));
      }
    }
    if (!topology.network().https()) {
      return new Prepared(Optional.empty(), Optional.empty());
    }
    SecureRandom random = new SecureRandom();
    TestCertificateAuthority ca =
        TestCertificateAuthority.create(
            List.of(
                topology.host(Product.SERVICE),
                topology.host(Product.JIRA),
                topology.host(Product.CONFLUENCE),
                SandboxTopology.HOST),
            // TLS peers check validity against the real time, not the sandbox's movable clock.
            Clock.systemUTC(),
            random);
    ServerTls tls = ca.writeServerKeyStore(serverKeyStore(home), random);
    ca.writeCaCertificate(caCertificate(home));
    SSLContext.setDefault(ca.clientContext());
    return new Prepared(Optional.of(tls), Optional.of(ca));
  }

  static Path caCertificate(SandboxHome home) {
    return home.root().resolve("sandbox-ca.pem");
  }

  private static Path serverKeyStore(SandboxHome home) {
    return home.root().resolve("sandbox-server.p12");
  }

  private static void requireResolves(String host, String address) {
    try {
      boolean matches =
          Arrays.stream(InetAddress.getAllByName(host))
              .anyMatch(resolved -> resolved.getHostAddress().equals(address));
      if (!matches) {
        throw new SandboxLaunchException(
            host + " does not resolve to " + address + " in this JVM: " + HOSTS_FILE_HINT + ".");
      }
    } catch (UnknownHostException e) {
      throw new SandboxLaunchException(
          host + " cannot be resolved in this JVM: " + HOSTS_FILE_HINT + ".", e);
    }
  }
}
