package io.crowd2fa.plugin.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

  private final SecureRandom random = new SecureRandom();
  private final MasterKeyStore store = new MasterKeyStore(random);
  private final MasterKey oldKey = store.newKey();
  private final MasterKey newKey = store.newKey();
  private final byte[] secret = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  @Test
  void sealThenOpenWithTheSameContextReturnsThePlaintext() {
    SecretBox box = new SecretBox(new MasterKeyring(List.of(oldKey)), random);
    String sealed = box.seal(secret, "totp:a");
    assertThat(box.open(sealed, "totp:a")).isEqualTo(secret);
  }

  @Test
  void sealedValueNamesItsKeyAndDoesNotContainThePlaintext() {
    SecretBox box = new SecretBox(new MasterKeyring(List.of(oldKey)), random);
    String sealed = box.seal(secret, "totp:a");
    assertThat(sealed).startsWith("v1." + oldKey.id() + ".");
    assertThat(sealed)
        .doesNotContain(new String(secret, StandardCharsets.US_ASCII))
        .doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
  }

  @Test
  void sealingTwiceGivesDifferentCiphertextsBecauseEachUsesAFreshNonce() {
    SecretBox box = new SecretBox(new MasterKeyring(List.of(oldKey)), random);
    assertThat(box.seal(secret, "c")).isNotEqualTo(box.seal(secret, "c"));
  }

  @Test
  void openWhenSealedValueMovedToAnotherRowThenRefused() {
    SecretBox box = new SecretBox(new MasterKeyring(List.of(oldKey)), random);
    String sealed = box.seal(secret, "totp:row-1");
    assertThatThrownBy(() -> box.open(sealed, "totp:row-2"))
        .isInstanceOf(CryptoFault.class)
        .hasMessageContaining("does not open");
  }

  @Test
  void openWhenCiphertextTamperedThenRefused() {
    SecretBox box = new SecretBox(new MasterKeyring(List.of(oldKey)), random);
    String sealed = box.seal(secret, "c");
    char last = sealed.charAt(sealed.length() - 1);
    String tampered = sealed.substring(0, sealed.length() - 1) + (last == 'A' ? 'B' : 'A');
    assertThatThrownBy(() -> box.open(tampered, "c")).isInstanceOf(CryptoFault.class);
  }

  @Test
  void openWhenKeyUnknownThenRefused() {
    String sealed = new SecretBox(new MasterKeyring(List.of(oldKey)), random).seal(secret, "c");
    SecretBox otherInstallation = new SecretBox(new MasterKeyring(List.of(newKey)), random);
    assertThatThrownBy(() -> otherInstallation.open(sealed, "c"))
        .isInstanceOf(CryptoFault.class)
        .hasMessageContaining("unknown master key id");
  }

  @Test
  void afterRotationOldValuesStillOpenAndResealMovesThemToTheNewKey() {
    String sealedWithOld =
        new SecretBox(new MasterKeyring(List.of(oldKey)), random).seal(secret, "c");
    SecretBox rotated = new SecretBox(new MasterKeyring(List.of(newKey, oldKey)), random);

    assertThat(rotated.needsResealing(sealedWithOld)).isTrue();
    String resealed = rotated.reseal(sealedWithOld, "c");

    assertThat(resealed).startsWith("v1." + newKey.id() + ".");
    assertThat(rotated.needsResealing(resealed)).isFalse();
    assertThat(rotated.open(resealed, "c")).isEqualTo(secret);
  }

  @Test
  void masterKeyMustBe256Bits() {
    assertThatThrownBy(() -> new MasterKey("k1", new byte[16]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
  }
}
