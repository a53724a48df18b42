package io.crowd2fa.sandbox.crowd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrowdSeedTest {

  @Test
  void demoSeedHasThePlannedUsersApplicationsAndDocumentsPasswords() {
    CrowdSeed seed = CrowdSeed.demo();

    assertThat(seed.directories()).hasSize(1);
    assertThat(seed.directories().get(0).users())
        .extracting(CrowdSeed.User::name)
        .containsExactly("admin", "alice", "bob", "contractor", "inactive");
    assertThat(seed.directories().get(0).users())
        .filteredOn(user -> !user.active())
        .extracting(CrowdSeed.User::name)
        .containsExactly("inactive");
    assertThat(seed.applications())
        .extracting(CrowdSeed.Application::name)
        .containsExactly("crowd2fa", "jira", "confluence");
    assertThat(String.join(" ", seed.documentation()))
        .contains("alice / alice123", "crowd2fa / crowd2fa-secret", "in memory");
  }

  @Test
  void demoSeedStoresPasswordsOnlyAsBcrypt() {
    CrowdSeed seed = CrowdSeed.demo();

    assertThat(seed.directories().get(0).users())
        .allSatisfy(user -> assertThat(user.passwordBcrypt()).startsWith("$2a$04$"));
    assertThat(seed.applications())
        .allSatisfy(app -> assertThat(app.passwordBcrypt()).startsWith("$2a$04$"));
  }

  @Test
  void loadWhenUnknownFieldThenRejectedNotIgnored(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("seed.json");
    Files.writeString(file, "{\"directories\":[],\"applications\":[],\"aplications\":[]}");

    assertThatThrownBy(() -> CrowdSeed.load(file))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void loadWhenUserWithoutPasswordHashThenRejected(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("seed.json");
    Files.writeString(
        file,
        "{\"directories\":[{\"name\":\"d\",\"users\":[{\"name\":\"eve\",\"active\":true}]}],"
            + "\"applications\":[]}");

    assertThatThrownBy(() -> CrowdSeed.load(file)).hasStackTraceContaining("password-bcrypt");
  }
}
