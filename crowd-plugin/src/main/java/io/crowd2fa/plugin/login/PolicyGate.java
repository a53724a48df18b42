package io.crowd2fa.plugin.login;

import io.crowd2fa.plugin.policy.FactorType;
import io.crowd2fa.plugin.policy.IpLiteral;
import io.crowd2fa.plugin.policy.LoginContext;
import io.crowd2fa.plugin.policy.PolicyDecision;
import io.crowd2fa.plugin.policy.PolicyService;
import io.crowd2fa.plugin.policy.ProductPolicy;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Asks the central, versioned policy (ENGINE-WEBAUTHN-POLICY's {@link PolicyService}) about one
 * login. The Crowd REST API does not say which directory a user comes from, so directory rules see
 * an empty directory name here; a login always asks for a fresh second factor, so no earlier
 * verification is passed in.
 */
public final class PolicyGate {

  private final PolicyService policy;
  private final GraceLedger grace;

  public PolicyGate(PolicyService policy, GraceLedger grace) {
    this.policy = policy;
    this.grace = grace;
  }

  public PolicyDecision decide(
      String username,
      Set<String> groups,
      String application,
      ClientInfo client,
      Set<FactorType> enrolled,
      Instant now) {
    return policy.evaluate(
        new LoginContext(
            username,
            groups,
            "",
            application,
            IpLiteral.parse(client.address()),
            now,
            enrolled,
            Optional.empty(),
            Map.of(),
            grace.stateOf(username)));
  }

  public void recordGraceUse(String username) {
    grace.recordSkip(username);
  }

  /** The freshness rules of one product, and nothing else of the policy. */
  public ProductPolicy productPolicy(String application) {
    return policy.productPolicy(application);
  }
}
