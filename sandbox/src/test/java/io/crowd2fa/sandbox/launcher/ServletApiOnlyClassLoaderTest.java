package io.crowd2fa.sandbox.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServletApiOnlyClassLoaderTest {

  private final ServletApiOnlyClassLoader loader =
      new ServletApiOnlyClassLoader(ServletApiOnlyClassLoaderTest.class.getClassLoader());

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
}
