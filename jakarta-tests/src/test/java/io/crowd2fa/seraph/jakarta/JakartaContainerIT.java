package io.crowd2fa.seraph.jakarta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.apache.catalina.util.ServerInfo;
import org.junit.jupiter.api.Test;

/**
 * The product-harness ITs next to this class are seraph-authenticator's, transformed: these checks
 * fail if they ran in anything but Tomcat 10.1 with jakarta only (a Tomcat 9 or a javax jar on the
 * class path, or the products loading the javax jar, would let them pass without proving anything
 * about a jakarta container).
 *
 * <p>This class is transformed too, so the javax name is assembled at run time (the transformer
 * rewrites {@code javax.servlet} string constants). The sandbox is looked up by name: its jakarta
 * jar exists only after this class compiles.
 */
class JakartaContainerIT {

  private static final String JAVAX_FILTER = String.join(".", "javax", "servlet", "Filter");

  @Test
  void theContainerIsTomcat10Point1() {
    assertThat(ServerInfo.getServerNumber()).startsWith("10.1.");
    assertThat(codeSource(ServerInfo.class)).contains("/tomcat-embed-core-10.1.");
  }

  @Test
  void javaxServletIsNotOnTheClassPath() {
    assertThat(JAVAX_FILTER).startsWith("javax.");
    assertThatThrownBy(() -> Class.forName(JAVAX_FILTER, false, loader()))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void theOnlyServletApiIsTomcatsServlet6() throws Exception {
    assertThat(codeSource(HttpServletRequest.class)).contains("/tomcat-embed-core-10.1.");
    // New in Servlet 6.0: absent from the 5.0 API the unit tests run against.
    assertThat(ServletRequest.class.getMethod("getRequestId")).isNotNull();
  }

  @Test
  void theProductsLoadTheJakartaJarWhichLinksAgainstTheContainersServletApi() throws Exception {
    Path jar = Path.of(System.getProperty("crowd2fa.seraph.jar"));
    assertThat(jar.getFileName()).hasToString("crowd2fa-seraph-jakarta.jar");

    Class<?> shared = loader().loadClass("io.crowd2fa.sandbox.SharedPackagesClassLoader");
    ClassLoader host =
        (ClassLoader)
            shared
                .getConstructor(String.class, ClassLoader.class, List.class)
                .newInstance(
                    "seraph-host", loader(), shared.getField("SERAPH_PRODUCT_PACKAGES").get(null));
    try (URLClassLoader webApp =
        new URLClassLoader("webapp", new URL[] {jar.toUri().toURL()}, host)) {
      Class<?> authenticator =
          Class.forName("io.crowd2fa.seraph.jira.JiraTwoFactorAuthenticator", true, webApp);

      assertThat(authenticator.getClassLoader()).isSameAs(webApp);
      assertThat(
              authenticator
                  .getMethod("getUser", HttpServletRequest.class, HttpServletResponse.class)
                  .getParameterTypes())
          .containsExactly(HttpServletRequest.class, HttpServletResponse.class);
    }
  }

  private static ClassLoader loader() {
    return JakartaContainerIT.class.getClassLoader();
  }

  private static String codeSource(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation().getPath();
  }
}
