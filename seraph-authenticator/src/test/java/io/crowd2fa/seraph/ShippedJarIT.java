package io.crowd2fa.seraph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The jar product admins install: Java 17 bytecode, every third-party class relocated under {@code
 * io.crowd2fa.seraph.shaded}, no logging binding, no Atlassian class, within the 2 MB budget. Runs
 * after {@code package} (failsafe), on the jar itself.
 */
class ShippedJarIT {

  private static final int JAVA_17_MAJOR = 61;
  private static final long SIZE_BUDGET = 2L * 1024 * 1024;

  private static Path jar() {
    return Path.of(System.getProperty("crowd2fa.seraph.jar", "target/crowd2fa-seraph.jar"));
  }

  private static List<JarEntry> classes(JarFile jar) {
    List<JarEntry> classes = new ArrayList<>();
    for (JarEntry entry : Collections.list(jar.entries())) {
      if (entry.getName().endsWith(".class")) {
        classes.add(entry);
      }
    }
    return classes;
  }

  @Test
  void jarWithinTheTwoMegabyteBudget() throws IOException {
    assertThat(Files.size(jar())).isLessThanOrEqualTo(SIZE_BUDGET);
  }

  @Test
  void everyClassIsOursOrRelocatedUnderShaded() throws IOException {
    try (JarFile jar = new JarFile(jar().toFile())) {
      List<String> names = classes(jar).stream().map(JarEntry::getName).toList();

      assertThat(names).isNotEmpty().allMatch(name -> name.startsWith("io/crowd2fa/"));
      assertThat(names)
          .noneMatch(name -> name.startsWith("com/atlassian/"))
          .noneMatch(name -> name.startsWith("META-INF/versions/"))
          .contains(
              "io/crowd2fa/seraph/GenericTwoFactorAuthenticator.class",
              "io/crowd2fa/seraph/jira/JiraTwoFactorAuthenticator.class",
              "io/crowd2fa/seraph/confluence/ConfluenceTwoFactorAuthenticator.class",
              "io/crowd2fa/seraph/shaded/jackson/jr/ob/JSON.class",
              "io/crowd2fa/crowd/CrowdClient.class");
      assertThat(names)
          .filteredOn(
              name ->
                  !name.startsWith("io/crowd2fa/seraph/")
                      && !name.startsWith("io/crowd2fa/crowd/")
                      && !name.startsWith("io/crowd2fa/model/"))
          .isEmpty();
    }
  }

  @Test
  void noLoggingBindingAndNoUnrelocatedReference() throws IOException {
    try (JarFile jar = new JarFile(jar().toFile())) {
      for (JarEntry entry : classes(jar)) {
        String constants = new String(bytes(jar, entry), StandardCharsets.ISO_8859_1);
        assertThat(constants)
            .as(entry.getName())
            .doesNotContain("com/fasterxml/")
            .doesNotContain("org/slf4j/impl")
            .doesNotContain("ch/qos/logback")
            .doesNotContain("org/apache/log4j");
      }
      assertThat(jar.getEntry("META-INF/services/org.slf4j.spi.SLF4JServiceProvider")).isNull();
    }
  }

  @Test
  void everyClassIsJava17Bytecode() throws IOException {
    try (JarFile jar = new JarFile(jar().toFile())) {
      for (JarEntry entry : classes(jar)) {
        byte[] bytes = bytes(jar, entry);
        int major = ((bytes[6] & 0xff) << 8) | (bytes[7] & 0xff);
        assertThat(major).as(entry.getName()).isLessThanOrEqualTo(JAVA_17_MAJOR);
      }
    }
  }

  private static byte[] bytes(JarFile jar, JarEntry entry) throws IOException {
    try (InputStream in = jar.getInputStream(entry)) {
      return in.readAllBytes();
    }
  }
}
