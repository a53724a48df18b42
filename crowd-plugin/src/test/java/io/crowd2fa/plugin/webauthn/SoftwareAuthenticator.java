package io.crowd2fa.plugin.webauthn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.upokecenter.cbor.CBORObject;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * A CTAP2-like authenticator in software: an ES256 key pair from the JDK, {@code none} attestation,
 * and hand-built authenticator data, client data and attestation object. Its public fields let a
 * test forge exactly one part of a response.
 */
public final class SoftwareAuthenticator {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64URL_DECODER = Base64.getUrlDecoder();

  public static final int FLAG_UP = 0x01;
  public static final int FLAG_UV = 0x04;
  public static final int FLAG_BE = 0x08;
  public static final int FLAG_BS = 0x10;
  public static final int FLAG_AT = 0x40;

  public final KeyPair keyPair;
  public final byte[] credentialId;
  public String origin;

  /** When set, authenticator data carries the hash of this rpId instead of the requested one. */
  public String rpIdOverride;

  public long counter;
  public int flags = FLAG_UP;
  public boolean corruptSignature;

  /** Sends the ECDSA signature r = s = 0 ("psychic signature", CVE-2022-21449). */
  public boolean zeroSignature;

  private SoftwareAuthenticator(KeyPair keyPair, byte[] credentialId, String origin) {
    this.keyPair = keyPair;
    this.credentialId = credentialId;
    this.origin = origin;
  }

  public static SoftwareAuthenticator create(String origin) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      byte[] id = new byte[16];
      new SecureRandom().nextBytes(id);
      return new SoftwareAuthenticator(generator.generateKeyPair(), id, origin);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A second authenticator holding the same key and credential id (a clone). */
  public SoftwareAuthenticator cloneKey() {
    SoftwareAuthenticator clone = new SoftwareAuthenticator(keyPair, credentialId, origin);
    clone.counter = counter;
    return clone;
  }

  /** Answers {@code navigator.credentials.create(options)} with the browser's JSON form. */
  public String register(String creationOptionsJson) {
    JsonNode options = read(creationOptionsJson).path("publicKey");
    String rpId = options.path("rp").path("id").asText();
    byte[] clientData = clientData("webauthn.create", options.path("challenge").asText());
    byte[] authData = authenticatorData(rpId, flags | FLAG_AT, attestedCredentialData());
    byte[] attestationObject =
        CBORObject.NewMap()
            .Add("fmt", "none")
            .Add("attStmt", CBORObject.NewMap())
            .Add("authData", authData)
            .EncodeToBytes();
    ObjectNode response = JSON.createObjectNode();
    response.put("attestationObject", b64(attestationObject));
    response.put("clientDataJSON", b64(clientData));
    response.putArray("transports").add("usb");
    return credential(response);
  }

  /** Answers {@code navigator.credentials.get(options)}; the counter advances first. */
  public String assertion(String requestOptionsJson) {
    JsonNode options = read(requestOptionsJson).path("publicKey");
    byte[] clientData = clientData("webauthn.get", options.path("challenge").asText());
    counter++;
    byte[] authData = authenticatorData(options.path("rpId").asText(), flags, new byte[0]);
    ObjectNode response = JSON.createObjectNode();
    response.put("authenticatorData", b64(authData));
    response.put("clientDataJSON", b64(clientData));
    response.put("signature", b64(sign(authData, clientData)));
    return credential(response);
  }

  private String credential(ObjectNode response) {
    ObjectNode credential = JSON.createObjectNode();
    credential.put("type", "public-key");
    credential.put("id", b64(credentialId));
    credential.put("rawId", b64(credentialId));
    credential.set("response", response);
    credential.putObject("clientExtensionResults");
    return credential.toString();
  }

  private byte[] clientData(String type, String challenge) {
    ObjectNode clientData = JSON.createObjectNode();
    clientData.put("type", type);
    clientData.put("challenge", challenge);
    clientData.put("origin", origin);
    clientData.put("crossOrigin", false);
    return clientData.toString().getBytes(StandardCharsets.UTF_8);
  }

  private byte[] authenticatorData(String requestedRpId, int flagBits, byte[] attested) {
    String rpId = rpIdOverride != null ? rpIdOverride : requestedRpId;
    return ByteBuffer.allocate(37 + attested.length)
        .put(sha256(rpId.getBytes(StandardCharsets.UTF_8)))
        .put((byte) flagBits)
        .putInt((int) counter)
        .put(attested)
        .array();
  }

  private byte[] attestedCredentialData() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[16]); // AAGUID: zeros, as with "none" attestation
    out.write(credentialId.length >> 8);
    out.write(credentialId.length & 0xFF);
    out.writeBytes(credentialId);
    out.writeBytes(coseKey());
    return out.toByteArray();
  }

  private byte[] coseKey() {
    ECPublicKey key = (ECPublicKey) keyPair.getPublic();
    return CBORObject.NewMap()
        .Add(1, 2) // kty: EC2
        .Add(3, -7) // alg: ES256
        .Add(-1, 1) // crv: P-256
        .Add(-2, coordinate(key.getW().getAffineX()))
        .Add(-3, coordinate(key.getW().getAffineY()))
        .EncodeToBytes();
  }

  private byte[] sign(byte[] authData, byte[] clientData) {
    if (zeroSignature) {
      return new byte[] {0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00};
    }
    try {
      Signature signature = Signature.getInstance("SHA256withECDSA");
      signature.initSign(keyPair.getPrivate());
      signature.update(authData);
      signature.update(sha256(clientData));
      byte[] der = signature.sign();
      if (corruptSignature) {
        der[der.length - 1] ^= 0x01;
      }
      return der;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static byte[] challengeOf(String optionsJson) {
    return B64URL_DECODER.decode(read(optionsJson).path("publicKey").path("challenge").asText());
  }

  public static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] coordinate(BigInteger value) {
    byte[] bytes = value.toByteArray();
    byte[] fixed = new byte[32];
    int length = Math.min(bytes.length, 32);
    System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
    return fixed;
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String b64(byte[] bytes) {
    return B64URL.encodeToString(bytes);
  }

  @Override
  public String toString() {
    return "SoftwareAuthenticator" + Arrays.toString(Arrays.copyOf(credentialId, 4));
  }
}
