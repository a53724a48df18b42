package io.crowd2fa.it.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowd2fa.plugin.policy.PolicyJson;
import io.crowd2fa.plugin.policy.PolicyParseResult;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The policies the sandbox and these tests start with are valid for the service's own reader. */
class StarterPolicyTest {

  @ParameterizedTest
  @ValueSource(strings = {"/sandbox/starter-policy.json", "/policies/it-policy.json"})
  void policyParsesWithTheServicesStrictReader(String resource) throws Exception {
    String json;
    try (InputStream in = StarterPolicyTest.class.getResourceAsStream(resource)) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    PolicyParseResult result = new PolicyJson().parse(json);

    assertThat(result).isInstanceOf(PolicyParseResult.Parsed.class);
  }
}
