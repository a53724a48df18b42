package io.crowd2fa.plugin.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyStoreTest {

  @TempDir Path home;
  private final SecureRandom random = new SecureRandom();
  private final MasterKeyStore store = new MasterKeyStore(random);

  @Test
  void firstStartCreatesAKeyFileReadableByItsOwnerOnly() throws IOException {
    Path file = home.resolve("keys").resolve(MasterKeyStore.DEFAULT_FILE_NAME);

    MasterKeyring ring = store.load(Map.of(), file);

    assertThat(file).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(ring.size()).isEqualTo(1);
  }

  @Test
  void secondStartReadsTheSameKey() {
    Path file = home.resolve(MasterKeyStore.DEFAULT_FILE_NAME);
    MasterKeyring first = store.load(Map.of(), file);
    MasterKeyring second = store.load(Map.of(), file);
    String sealed = new SecretBox(first, random).seal(new byte[] {1, 2, 3}, "c");
    assertThat(new SecretBox(second, random).open(sealed, "c")).containsExactly(1, 2, 3);
  }

  @Test
  void keyFileReadableByOthersIsRefused() throws IOException {
    Path file = home.resolve(MasterKeyStore.DEFAULT_FILE_NAME);
    store.load(Map.of(), file);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> store.load(Map.of(), file))
        .isInstanceOf(CryptoFault.class)
        .hasMessageContaining("accessible by others");
  }

  @Test
  void environmentVariableWinsOverTheFileAndItsFirstKeyIsCurrent() {
    String k2 = Base64.getEncoder().encodeToString(new byte[32]);
    byte[] other = new byte[32];
    other[0] = 1;
    String k1 = Base64.getEncoder().encodeToString(other);
    Path file = home.resolve("never-created.keys");

    MasterKeyring ring =
        store.load(Map.of(MasterKeyStore.ENVIRONMENT_VARIABLE, "k2:" + k2 + ",k1:" + k1), file);

    assertThat(ring.current().id()).isEqualTo("k2");
    assertThat(ring.byId("k1")).isPresent();
    assertThat(file).doesNotExist();
  }

  @Test
  void malformedEnvironmentVariableIsAFault() {
    assertThatThrownBy(
            () ->
                store.load(
                    Map.of(MasterKeyStore.ENVIRONMENT_VARIABLE, "no-separator"), home.resolve("x")))
        .isInstanceOf(CryptoFault.class)
        .hasMessageContaining("expected id");
  }

  @Test
  void rotatePutsANewCurrentKeyInFrontAndKeepsTheOldOne() throws IOException {
    Path file = home.resolve(MasterKeyStore.DEFAULT_FILE_NAME);
    MasterKeyring before = store.load(Map.of(), file);
    String sealed = new SecretBox(before, random).seal(new byte[] {9}, "c");

    MasterKeyring after = store.rotate(file);

    assertThat(after.current().id()).isNotEqualTo(before.current().id());
    assertThat(new SecretBox(store.load(Map.of(), file), random).open(sealed, "c"))
        .containsExactly(9);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(
            Files.readString(file, StandardCharsets.US_ASCII).lines().filter(l -> l.contains("=")))
        .hasSize(2);
  }
}
