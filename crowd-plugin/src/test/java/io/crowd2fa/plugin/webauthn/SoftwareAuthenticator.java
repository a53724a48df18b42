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
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A CTAP2-like authenticator in software: an ES256 key pair from the JDK, {@code none} attestation
 * unless a test chooses {@code packed} (self or with a certificate chain), and hand-built
 * authenticator data, client data and attestation object. Its public fields let a test forge
 * exactly one part of a response.
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

  /** The attestation statement format a registration answers with (WebAuthn §8). */
  public enum Attestation {
    /** {@code none}: no statement, AAGUID zero. */
    NONE,
    /** {@code packed} signed with the credential key itself: proves nothing about the model. */
    SELF,
    /** {@code packed} signed by an attestation key whose certificate chain is in {@code x5c}. */
    PACKED
  }

  public Attestation attestation = Attestation.NONE;

  /** The authenticator model's id; sent with {@code packed} attestation. */
  public byte[] aaguid = new byte[16];

  /** For {@link Attestation#PACKED}: the batch key and its chain, leaf first, root left out. */
  public KeyPair attestationKey;

  public List<X509Certificate> attestationChain = List.of();

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

  /**
   * An authenticator of a vendor whose attestation certificate {@code ca} issued: {@code packed}
   * attestation with a full chain and a non-zero AAGUID.
   */
  public static SoftwareAuthenticator attestedBy(TestAttestationCa ca, String origin) {
    SoftwareAuthenticator key = create(origin);
    key.attestation = Attestation.PACKED;
    key.attestationKey = TestAttestationCa.newKeyPair();
    key.attestationChain = List.of(ca.attestationCertificate(key.attestationKey));
    new SecureRandom().nextBytes(key.aaguid);
    return key;
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
            .Add("fmt", attestation == Attestation.NONE ? "none" : "packed")
            .Add("attStmt", attestationStatement(authData, clientData))
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

  /** WebAuthn §8.2: the signature covers authenticator data and the client data hash. */
  private CBORObject attestationStatement(byte[] authData, byte[] clientData) {
    if (attestation == Attestation.NONE) {
      return CBORObject.NewMap();
    }
    KeyPair signer = attestation == Attestation.SELF ? keyPair : attestationKey;
    CBORObject statement =
        CBORObject.NewMap().Add("alg", -7).Add("sig", signWith(signer, authData, clientData));
    if (attestation == Attestation.PACKED) {
      CBORObject x5c = CBORObject.NewArray();
      for (X509Certificate certificate : attestationChain) {
        try {
          x5c.Add(certificate.getEncoded());
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException(e);
        }
      }
      statement.Add("x5c", x5c);
    }
    return statement;
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
    out.writeBytes(aaguid);
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
    byte[] der = signWith(keyPair, authData, clientData);
    if (corruptSignature) {
      der[der.length - 1] ^= 0x01;
    }
    return der;
  }

  private static byte[] signWith(KeyPair signer, byte[] authData, byte[] clientData) {
    try {
      Signature signature = Signature.getInstance("SHA256withECDSA");
      signature.initSign(signer.getPrivate());
      signature.update(authData);
      signature.update(sha256(clientData));
      return signature.sign();
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
