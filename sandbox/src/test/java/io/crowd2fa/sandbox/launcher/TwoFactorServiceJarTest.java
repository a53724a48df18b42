package io.crowd2fa.sandbox.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowd2fa.sandbox.crowd.CrowdStandIn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.servlet.http.HttpServlet;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mounts a stand-in plugin jar, compiled here, the way the launcher mounts the real one, and asks
 * it what it can see.
 */
class TwoFactorServiceJarTest {

  private static final String PROBE =
      """
      package io.crowd2fa.plugin.web;

      public class TwoFactorServlet extends javax.servlet.http.HttpServlet {
        private String initConfig;
        private String initContextLoader;

        @Override
        public void init() {
          initConfig = getInitParameter("crowd2fa.config");
          initContextLoader = Thread.currentThread().getContextClassLoader().getName();
        }

        @Override
        protected void doGet(javax.servlet.http.HttpServletRequest request,
            javax.servlet.http.HttpServletResponse response) throws java.io.IOException {
          Object clock = getServletContext().getAttribute("io.crowd2fa.clock");
          response.getWriter().print(
              "config=" + initConfig
              + " initLoader=" + initContextLoader
              + " requestLoader=" + Thread.currentThread().getContextClassLoader().getName()
              + " ownLoader=" + getClass().getClassLoader().getName()
              + " tomcat=" + visible("org.apache.catalina.startup.Tomcat")
              + " sandbox=" + visible("io.crowd2fa.sandbox.crowd.CrowdStandIn")
              + " clockIsJavaTime=" + (clock instanceof java.time.Clock)
              + " path=" + request.getPathInfo());
        }

        private boolean visible(String name) {
          try {
            Class.forName(name, false, getClass().getClassLoader());
            return true;
          } catch (ClassNotFoundException e) {
            return false;
          }
        }
      }
      """;

  @TempDir Path work;

  @Test
  void newServletWhenMountedInStandInThenIsolatedFromContainerAndSeesSandboxClock()
      throws Exception {
    Path jar = buildProbeJar();
    SandboxClock clock = SandboxClock.systemUtc();
    try (TwoFactorServiceJar plugin = TwoFactorServiceJar.open(jar);
        CrowdStandIn crowd =
            CrowdStandIn.builder()
                .port(0)
                .contextAttribute(SandboxClock.CONTEXT_ATTRIBUTE, clock)
                .servlet(
                    "crowd2fa",
                    plugin.newServlet(),
                    Map.of(TwoFactorServiceJar.CONFIG_INIT_PARAM, "/etc/crowd2fa.properties"),
                    TwoFactorServiceJar.MOUNT_PATH + "/*")
                .build()
                .start()) {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(crowd.baseUrl() + TwoFactorServiceJar.MOUNT_PATH + "/status"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(response.body())
          .isEqualTo(
              "config=/etc/crowd2fa.properties initLoader=crowd2fa-plugin"
                  + " requestLoader=crowd2fa-plugin ownLoader=crowd2fa-plugin tomcat=false"
                  + " sandbox=false clockIsJavaTime=true path=/status");
    }
  }

  @Test
  void openWhenJarMissingThenTellsHowToBuildIt() {
    Path missing = work.resolve("crowd-plugin-0.1.0-SNAPSHOT-plugin.jar");

    assertThatThrownBy(() -> TwoFactorServiceJar.open(missing))
        .isInstanceOf(SandboxLaunchException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("./mvnw -B -q install -DskipTests");
  }

  private Path buildProbeJar() throws Exception {
    Path sources = Files.createDirectories(work.resolve("src/io/crowd2fa/plugin/web"));
    Path source = Files.writeString(sources.resolve("TwoFactorServlet.java"), PROBE);
    Path classes = Files.createDirectories(work.resolve("classes"));
    String servletApi =
        Path.of(HttpServlet.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString();
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    int status =
        compiler.run(
            null,
            null,
            null,
            "-classpath",
            servletApi,
            "-d",
            classes.toString(),
            source.toString());
    assertThat(status).as("javac of the probe servlet").isZero();
    Path jar = work.resolve("probe-plugin.jar");
    String entry = "io/crowd2fa/plugin/web/TwoFactorServlet.class";
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry(entry));
      out.write(Files.readAllBytes(classes.resolve(entry)));
      out.closeEntry();
    }
    return jar;
  }
}
