package io.crowd2fa.it.sandbox;

import io.crowd2fa.sandbox.launcher.Sandbox;
import io.crowd2fa.sandbox.launcher.SandboxNetwork;
import io.crowd2fa.sandbox.launcher.SandboxSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One whole sandbox (stand-in + service from the built plugin jar + both sample products with the
 * built authenticator jar) per test class, on free ports and a fresh home (fresh H2 database), so
 * classes never see each other's enrolments or lockouts. The jars come from the system properties
 * {@code crowd2fa.sandbox.plugin.jar} and {@code crowd2fa.sandbox.authenticator.jar} (set by the
 * it-tests POM).
 */
public final class SandboxExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SandboxExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Sandbox.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ExtensionContext classContext =
        context.getTestMethod().isPresent() ? context.getParent().orElseThrow() : context;
    return classContext
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            "sandbox", key -> new RunningSandbox(start(classContext)), RunningSandbox.class)
        .sandbox();
  }

  private static Sandbox start(ExtensionContext classContext) {
    try {
      Path home = Files.createTempDirectory("crowd2fa-it-sandbox-");
      Properties properties = new Properties();
      properties.putAll(System.getProperties());
      properties.setProperty(SandboxSettings.HOME, home.toString());
      properties.setProperty(SandboxSettings.CROWD_PORT, "0");
      properties.setProperty(SandboxSettings.JIRA_PORT, "0");
      properties.setProperty(SandboxSettings.CONFLUENCE_PORT, "0");
      properties.setProperty(SandboxSettings.PLUGIN_JAR, BuiltJars.plugin().toString());
      properties.setProperty(
          SandboxSettings.AUTHENTICATOR_JAR, BuiltJars.authenticator().toString());
      AcrossHosts hosts = classContext.getRequiredTestClass().getAnnotation(AcrossHosts.class);
      if (hosts != null) {
        properties.setProperty(SandboxNetwork.DOMAIN, hosts.domain());
        properties.setProperty(SandboxNetwork.HTTPS, String.valueOf(hosts.https()));
      }
      SandboxPolicy policy = classContext.getRequiredTestClass().getAnnotation(SandboxPolicy.class);
      if (policy != null) {
        properties.setProperty(SandboxSettings.POLICY, copy(policy.value(), home).toString());
      }
      return Sandbox.start(SandboxSettings.from(properties));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path copy(String resource, Path home) throws IOException {
    try (InputStream in = SandboxExtension.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test policy " + resource);
      }
      Path file = home.resolve("test-policy.json");
      Files.copy(in, file);
      return file;
    }
  }

  /** Closed by JUnit when the test class is done. */
  private record RunningSandbox(Sandbox sandbox)
      implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      sandbox.close();
    }
  }
}
