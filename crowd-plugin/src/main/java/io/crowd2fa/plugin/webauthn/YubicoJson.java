package io.crowd2fa.plugin.webauthn;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.yubico.webauthn.AssertionRequest;
import com.yubico.webauthn.data.AuthenticatorAssertionResponse;
import com.yubico.webauthn.data.AuthenticatorAttestationResponse;
import com.yubico.webauthn.data.ClientAssertionExtensionOutputs;
import com.yubico.webauthn.data.ClientRegistrationExtensionOutputs;
import com.yubico.webauthn.data.PublicKeyCredential;
import com.yubico.webauthn.data.PublicKeyCredentialCreationOptions;
import java.io.IOException;

/**
 * Reads Yubico's JSON types with one shared mapper. Yubico's own {@code parse...Json} and {@code
 * fromJson} methods build a new {@code ObjectMapper} (with cold caches) on every call, which cost
 * most of an assertion's CPU in the benchmark; this mapper is configured identically to Yubico's
 * {@code JacksonCodecs.json()} and is thread-safe once built.
 */
final class YubicoJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
          .serializationInclusion(JsonInclude.Include.NON_ABSENT)
          .defaultBase64Variant(Base64Variants.MODIFIED_FOR_URL)
          .addModule(new Jdk8Module())
          .addModule(new JavaTimeModule())
          .build();

  private static final TypeReference<
          PublicKeyCredential<AuthenticatorAssertionResponse, ClientAssertionExtensionOutputs>>
      ASSERTION_RESPONSE = new TypeReference<>() {};
  private static final TypeReference<
          PublicKeyCredential<AuthenticatorAttestationResponse, ClientRegistrationExtensionOutputs>>
      REGISTRATION_RESPONSE = new TypeReference<>() {};

  private YubicoJson() {}

  static PublicKeyCredential<AuthenticatorAssertionResponse, ClientAssertionExtensionOutputs>
      assertionResponse(String json) throws IOException {
    return MAPPER.readValue(json, ASSERTION_RESPONSE);
  }

  static PublicKeyCredential<AuthenticatorAttestationResponse, ClientRegistrationExtensionOutputs>
      registrationResponse(String json) throws IOException {
    return MAPPER.readValue(json, REGISTRATION_RESPONSE);
  }

  static AssertionRequest assertionRequest(String json) throws IOException {
    return MAPPER.readValue(json, AssertionRequest.class);
  }

  static PublicKeyCredentialCreationOptions creationOptions(String json) throws IOException {
    return MAPPER.readValue(json, PublicKeyCredentialCreationOptions.class);
  }
}
