package io.crowd2fa.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowd2fa.sandbox.launcher.SandboxClock;
import org.junit.jupiter.api.Test;

class SharedPackagesClassLoaderTest {

  private final SharedPackagesClassLoader loader =
      new SharedPackagesClassLoader(
          "crowd-plugin-parent",
          SharedPackagesClassLoaderTest.class.getClassLoader(),
          SharedPackagesClassLoader.CROWD_PLUGIN_PACKAGES);

  private final SharedPackagesClassLoader productParent =
      new SharedPackagesClassLoader(
          "seraph-product-parent",
          SharedPackagesClassLoaderTest.class.getClassLoader(),
          SharedPackagesClassLoader.SERAPH_PRODUCT_PACKAGES);

  @Test
  void loadClassWhenServletApiThenSameClassAsTheContainers() throws Exception {
    assertThat(loader.loadClass("javax.servlet.http.HttpServlet"))
        .isSameAs(javax.servlet.http.HttpServlet.class);
  }

  @Test
  void loadClassWhenJdkThenFound() throws Exception {
    assertThat(loader.loadClass("java.time.Clock")).isSameAs(java.time.Clock.class);
  }

  @Test
  void loadClassWhenContainerOrSandboxClassThenInvisible() {
    assertThatThrownBy(() -> loader.loadClass("org.apache.catalina.startup.Tomcat"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> loader.loadClass(SandboxClock.class.getName()))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> loader.loadClass("com.fasterxml.jackson.databind.ObjectMapper"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void getResourceWhenContainerResourceOutsideSharedPackagesThenInvisible() {
    assertThat(loader.getResource("org/apache/catalina/startup/Tomcat.class")).isNull();
    assertThat(loader.getResource("javax/servlet/http/HttpServlet.class")).isNotNull();
  }

  @Test
  void loadClassWhenSeraphProductThenSeraphSharedButNotToPlugins() throws Exception {
    String authenticator = "com.atlassian.seraph.auth.DefaultAuthenticator";
    assertThat(productParent.loadClass(authenticator))
        .isSameAs(SharedPackagesClassLoaderTest.class.getClassLoader().loadClass(authenticator));
    assertThatThrownBy(() -> loader.loadClass(authenticator))
        .isInstanceOf(ClassNotFoundException.class);
  }
}
