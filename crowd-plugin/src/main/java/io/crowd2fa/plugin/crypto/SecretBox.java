package io.crowd2fa.plugin.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM sealing of secrets at rest (TOTP secrets, signing keys) under a master key kept
 * outside the database.
 *
 * <p>A sealed value is the text {@code v1.<keyId>.<base64url(iv || ciphertext || tag)>}. The {@code
 * context} (for example {@code "totp:" + credentialId}) is authenticated as associated data, so a
 * sealed value copied into another row does not open there.
 */
public final class SecretBox {

  private static final String VERSION = "v1";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final MasterKeyring keyring;
  private final SecureRandom random;

  public SecretBox(MasterKeyring keyring, SecureRandom random) {
    this.keyring = Objects.requireNonNull(keyring, "keyring");
    this.random = Objects.requireNonNull(random, "random");
  }

  public String seal(byte[] plaintext, String context) {
    Objects.requireNonNull(plaintext, "plaintext");
    MasterKey key = keyring.current();
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(associatedData(key.id(), context));
      byte[] sealed = cipher.doFinal(plaintext);
      ByteBuffer out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed);
      return VERSION + "." + key.id() + "." + ENCODER.encodeToString(out.array());
    } catch (GeneralSecurityException e) {
      throw new CryptoFault("AES-GCM sealing failed", e);
    }
  }

  public byte[] open(String sealedValue, String context) {
    String[] parts = Objects.requireNonNull(sealedValue, "sealedValue").split("\\.", -1);
    if (parts.length != 3 || !VERSION.equals(parts[0])) {
      throw new CryptoFault("not a sealed value of format " + VERSION);
    }
    MasterKey key =
        keyring
            .byId(parts[1])
            .orElseThrow(() -> new CryptoFault("unknown master key id " + parts[1]));
    byte[] data = DECODER.decode(parts[2]);
    if (data.length < IV_BYTES + TAG_BITS / 8) {
      throw new CryptoFault("sealed value too short");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, data, 0, IV_BYTES));
      cipher.updateAAD(associatedData(key.id(), context));
      return cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES);
    } catch (GeneralSecurityException e) {
      throw new CryptoFault("sealed value does not open: wrong key, wrong context or tampered", e);
    }
  }

  /** True if the value was sealed with an older key and should be sealed again (rotation). */
  public boolean needsResealing(String sealedValue) {
    String[] parts = sealedValue.split("\\.", -1);
    return parts.length != 3 || !keyring.current().id().equals(parts[1]);
  }

  /** Opens with whichever key sealed the value and seals again with the current key. */
  public String reseal(String sealedValue, String context) {
    byte[] plaintext = open(sealedValue, context);
    try {
      return seal(plaintext, context);
    } finally {
      java.util.Arrays.fill(plaintext, (byte) 0);
    }
  }

  private static byte[] associatedData(String keyId, String context) {
    return (VERSION + "|" + keyId + "|" + Objects.requireNonNull(context, "context"))
        .getBytes(StandardCharsets.UTF_8);
  }
}
