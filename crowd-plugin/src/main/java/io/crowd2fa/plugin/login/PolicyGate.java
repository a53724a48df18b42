package io.crowd2fa.plugin.login;

import io.crowd2fa.plugin.policy.FactorType;
import io.crowd2fa.plugin.policy.IpLiteral;
import io.crowd2fa.plugin.policy.LoginContext;
import io.crowd2fa.plugin.policy.PolicyDecision;
import io.crowd2fa.plugin.policy.PolicyEvaluator;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Asks the central policy about one login. The Crowd REST API does not say which directory a user
 * comes from, so directory rules see an empty directory name here.
 */
public final class PolicyGate {

  private final PolicySource policy;
  private final PolicyEvaluator evaluator = new PolicyEvaluator();
  private final GraceLedger grace;

  public PolicyGate(PolicySource policy, GraceLedger grace) {
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
    LoginContext context =
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
            grace.stateOf(username));
    return evaluator.evaluate(policy.document(), context);
  }

  public void recordGraceUse(String username) {
    grace.recordSkip(username);
  }

  public PolicySource source() {
    return policy;
  }
}
