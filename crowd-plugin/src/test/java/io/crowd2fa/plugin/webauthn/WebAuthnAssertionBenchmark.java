package io.crowd2fa.plugin.webauthn;

import com.yubico.webauthn.AssertionRequest;
import com.yubico.webauthn.AssertionResult;
import com.yubico.webauthn.FinishAssertionOptions;
import com.yubico.webauthn.RelyingParty;
import com.yubico.webauthn.StartAssertionOptions;
import com.yubico.webauthn.data.AuthenticatorAssertionResponse;
import com.yubico.webauthn.data.ClientAssertionExtensionOutputs;
import com.yubico.webauthn.data.PublicKeyCredential;
import com.yubico.webauthn.exception.AssertionFailedException;
import io.crowd2fa.plugin.audit.RecordingAuditLog;
import io.crowd2fa.plugin.engine.RequestContext;
import io.crowd2fa.plugin.engine.TwoFactorEngine;
import io.crowd2fa.plugin.lockout.LockoutPolicy;
import io.crowd2fa.plugin.webauthn.WebAuthnTestSupport.InMemoryLockoutRepository;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * CPU cost of verifying one ES256 WebAuthn assertion (target: at least 2,000 per second), with the
 * relying party configured exactly as {@link WebAuthnService} configures it and storage in memory,
 * so only parsing and cryptography are measured. Not a test: run it on demand, see the command in
 * {@code crowd-plugin/README.md} / {@code docs/PERFORMANCE.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WebAuthnAssertionBenchmark {
  private static final String ORIGIN = "https://login.example.com";

  private RelyingParty relyingParty;
  private AssertionRequest request;
  private String responseJson;
  private PublicKeyCredential<AuthenticatorAssertionResponse, ClientAssertionExtensionOutputs>
      parsed;
  private Signature jdkVerifier;
  private PublicKey publicKey;
  private byte[] signedData;
  private byte[] signature;

  @Setup
  public void registerOneKeyAndSignOneAssertion() {
    InMemoryWebAuthnStore store = new InMemoryWebAuthnStore();
    Clock clock = Clock.systemUTC();
    WebAuthnSettings settings =
        WebAuthnSettings.secondFactor("example.com", "Crowd2FA", Set.of(ORIGIN));
    RecordingAuditLog audit = new RecordingAuditLog();
    TwoFactorEngine engine =
        WebAuthnTestSupport.engine(
            LockoutPolicy.DEFAULT, new InMemoryLockoutRepository(), audit, clock, store);
    WebAuthnService service =
        new WebAuthnService(
            settings,
            store.stores(),
            audit,
            WebAuthnTestSupport.DIRECT,
            engine::verifyWithLockout,
            clock,
            new SecureRandom());
    RequestContext context = new RequestContext("127.0.0.1", "JMH");
    SoftwareAuthenticator key = SoftwareAuthenticator.create(ORIGIN);
    String creation =
        service
            .startRegistration("alice", "Alice", "tx-reg", context)
            .publicKeyCredentialCreationOptionsJson();
    service.finishRegistration("alice", "tx-reg", key.register(creation), "Key", context);

    relyingParty = WebAuthnService.relyingParty(settings, store.stores(), clock);
    request =
        relyingParty.startAssertion(StartAssertionOptions.builder().username("alice").build());
    try {
      responseJson = key.assertion(request.toCredentialsGetJson());
      parsed = PublicKeyCredential.parseAssertionResponseJson(responseJson);
      AuthenticatorAssertionResponse response = parsed.getResponse();
      signedData =
          response
              .getAuthenticatorData()
              .concat(Crypto.sha256(response.getClientDataJSON()))
              .getBytes();
      signature = response.getSignature().getBytes();
      publicKey = key.keyPair.getPublic();
      jdkVerifier = Signature.getInstance("SHA256withECDSA");
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Parse the browser's JSON (with the service's shared mapper) and run every ceremony step,
   * including the ES256 signature check. The stored counter is never advanced here, so the same
   * response stays valid for each call.
   */
  @Benchmark
  public AssertionResult parseAndVerifyEs256Assertion()
      throws IOException, AssertionFailedException {
    return relyingParty.finishAssertion(
        FinishAssertionOptions.builder()
            .request(request)
            .response(YubicoJson.assertionResponse(responseJson))
            .build());
  }

  /** The ceremony steps on an already parsed response: isolates the cost of JSON parsing. */
  @Benchmark
  public AssertionResult verifyPreParsedEs256Assertion() throws AssertionFailedException {
    return relyingParty.finishAssertion(
        FinishAssertionOptions.builder().request(request).response(parsed).build());
  }

  /** Control: the bare JDK ECDSA P-256 verification every assertion needs at least once. */
  @Benchmark
  public boolean jdkEs256SignatureOnly() throws GeneralSecurityException {
    jdkVerifier.initVerify(publicKey);
    jdkVerifier.update(signedData);
    return jdkVerifier.verify(signature);
  }

  /** SHA-256 as the benchmark's own helper, to build the control's signed data. */
  private static final class Crypto {
    static com.yubico.webauthn.data.ByteArray sha256(com.yubico.webauthn.data.ByteArray data)
        throws GeneralSecurityException {
      return new com.yubico.webauthn.data.ByteArray(
          java.security.MessageDigest.getInstance("SHA-256").digest(data.getBytes()));
    }
  }
}
