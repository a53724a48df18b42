package io.crowd2fa.plugin.policy;

import static io.crowd2fa.plugin.policy.PolicyFixtures.NOW;
import static io.crowd2fa.plugin.policy.PolicyFixtures.login;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyEvaluatorTest {
  private final PolicyEvaluator evaluator = new PolicyEvaluator();
  private final PolicyDocument policy = PolicyFixtures.samplePolicy();

  @ParameterizedTest(name = "{0} [{1}] dir={2} app={3} ip={4} factors={5} -> {6} {7}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # user     | groups                          | directory      | app        | ip                   | factors       | rule               | decision
          admin      | crowd-administrators            | Crowd Internal | jira       | 10.1.2.3             | webauthn      | admins-hardware    | Require2fa
          admin      | crowd-administrators            | Crowd Internal | jira       | 10.1.2.3             | totp          | admins-hardware    | RequireEnrolment
          admin      | CROWD-Administrators            | Crowd Internal | confluence | 203.0.113.9          | webauthn,totp | admins-hardware    | Require2fa
          alice      | jira-software-users,staff       | Crowd Internal | jira       | 10.1.2.3             | totp          | office-jira        | Exempt
          alice      | jira-software-users,staff       | Crowd Internal | JIRA       | 10.255.255.255       | totp          | office-jira        | Exempt
          alice      | jira-software-users,staff       | Crowd Internal | jira       | 11.0.0.1             | totp          | default            | Require2fa
          alice      | jira-software-users,staff       | Crowd Internal | jira       | 9.255.255.255        | totp          | default            | Require2fa
          alice      | jira-software-users,staff       | Crowd Internal | confluence | 10.1.2.3             | totp          | default            | Require2fa
          alice      | jira-software-users,staff       | Crowd Internal | jira       | 2001:db8:10:ffff::1  | totp          | office-jira        | Exempt
          alice      | jira-software-users,staff       | Crowd Internal | jira       | 2001:DB8:10::        | totp          | office-jira        | Exempt
          alice      | jira-software-users,staff       | Crowd Internal | jira       | 2001:db8:11::1       | totp          | default            | Require2fa
          alice      | jira-software-users,staff       | Crowd Internal | jira       | ::ffff:10.0.0.5      | totp          | office-jira        | Exempt
          alice      | jira-software-users,staff       | Crowd Internal | jira       | ::ffff:11.0.0.5      | totp          | default            | Require2fa
          alice      | jira-software-users,staff       | Crowd Internal | jira       | -                    | totp          | default            | Require2fa
          alice      | jira-software-users,staff       | Crowd Internal | jira       | 11.0.0.1             | -             | default            | RequireEnrolment
          bob        | jira-software-users,staff       | legacy ldap    | jira       | 10.1.2.3             | totp          | retired-directory  | Deny
          contractor | external,contractors            | Crowd Internal | jira       | 198.51.100.1         | -             | contractors        | RequireEnrolment
          contractor | external,contractors            | Crowd Internal | jira       | 198.51.100.1         | webauthn      | contractors        | Require2fa
          contractor | external                        | Crowd Internal | jira       | 198.51.100.1         | totp          | default            | Require2fa
          contractor | external                        | Crowd Internal | confluence | 198.51.100.1         | totp          | default            | Require2fa
          svc-build  | svc                             | Crowd Internal | jira       | 192.168.50.7         | -             | service-accounts   | Exempt
          svc-build  | svc                             | Crowd Internal | jira       | 192.168.50.8         | -             | default            | RequireEnrolment
          svc-build  | svc                             | Crowd Internal | confluence | fd12:3456::1         | -             | service-accounts   | Exempt
          svc-build  | svc                             | Crowd Internal | confluence | fe80::1              | -             | default            | RequireEnrolment
          nobody     | -                               | Crowd Internal | confluence | 10.1.2.3             | totp          | not-staff          | Deny
          nobody     | -                               | Crowd Internal | bamboo     | 10.1.2.3             | totp          | default            | Require2fa
          """)
  void firstMatchingRuleDecides(
      String user,
      String groups,
      String directory,
      String app,
      String ip,
      String factors,
      String expectedRule,
      String expectedDecision) {
    PolicyDecision decision =
        evaluator.evaluate(policy, login(user, groups, directory, app, ip, factors));

    assertThat(decision.rule()).isEqualTo(expectedRule);
    assertThat(decision.getClass().getSimpleName()).isEqualTo(expectedDecision);
  }

  @Test
  void requireWhenFactorEnrolledThenAllowedFactorsAndApplicationMaxAgeAreReturned() {
    PolicyDecision decision =
        evaluator.evaluate(policy, login("alice", "staff", "internal", "jira", "11.0.0.1", "totp"));

    assertThat(decision)
        .isEqualTo(
            new PolicyDecision.Require2fa(
                "default",
                EnumSet.of(FactorType.TOTP, FactorType.WEBAUTHN),
                Optional.of(Duration.ofHours(12)),
                false));
  }

  @Test
  void requireForApplicationWithoutLimitThenMaxAgeEmpty() {
    PolicyDecision decision =
        evaluator.evaluate(
            policy, login("alice", "staff", "internal", "bamboo", "11.0.0.1", "totp"));

    assertThat(((PolicyDecision.Require2fa) decision).maxAge()).isEmpty();
  }

  @Test
  void denyCarriesTheRuleReasonForTheAudit() {
    PolicyDecision decision =
        evaluator.evaluate(
            policy, login("bob", "staff", "Legacy LDAP", "jira", "10.0.0.1", "totp"));

    assertThat(decision)
        .isEqualTo(new PolicyDecision.Deny("retired-directory", "directory retired"));
  }

  @Test
  void enrolmentByLoginsWhenGraceUsedUpThenNoSkipLeft() {
    assertThat(graceAfter(0)).isEqualTo(new PolicyDecision.GraceLeft.Logins(3));
    assertThat(graceAfter(2)).isEqualTo(new PolicyDecision.GraceLeft.Logins(1));
    assertThat(graceAfter(3)).isEqualTo(new PolicyDecision.GraceLeft.Logins(0));
    assertThat(graceAfter(7)).isEqualTo(new PolicyDecision.GraceLeft.Logins(0));
    assertThat(graceAfter(3).maySkip()).isFalse();
    assertThat(graceAfter(2).maySkip()).isTrue();
  }

  @Test
  void enrolmentByDateWhenDeadlinePassedThenNoSkipLeft() {
    Instant deadline = Instant.parse("2027-01-01T00:00:00Z");
    LoginContext before = contractorAt(deadline.minusSeconds(1));
    LoginContext at = contractorAt(deadline);

    PolicyDecision.RequireEnrolment early =
        (PolicyDecision.RequireEnrolment) evaluator.evaluate(policy, before);
    PolicyDecision.RequireEnrolment late =
        (PolicyDecision.RequireEnrolment) evaluator.evaluate(policy, at);

    assertThat(early.graceLeft()).isEqualTo(new PolicyDecision.GraceLeft.Until(deadline, false));
    assertThat(early.graceLeft().maySkip()).isTrue();
    assertThat(late.graceLeft().maySkip()).isFalse();
    assertThat(late.allowedFactors())
        .containsExactlyInAnyOrder(FactorType.TOTP, FactorType.WEBAUTHN);
  }

  @Test
  void enrolmentWithoutGraceThenMustEnrolNow() {
    PolicyDecision.RequireEnrolment decision =
        (PolicyDecision.RequireEnrolment)
            evaluator.evaluate(
                policy, login("admin", "crowd-administrators", "internal", "jira", "-", "totp"));

    assertThat(decision.graceLeft()).isEqualTo(new PolicyDecision.GraceLeft.NoneLeft());
    assertThat(decision.allowedFactors()).containsExactly(FactorType.WEBAUTHN);
  }

  @Test
  void freshnessWhenLastVerificationWithinMaxAgeThenFresh() {
    assertThat(freshAt("jira", NOW.minus(Duration.ofHours(12)), Map.of())).isTrue();
    assertThat(freshAt("jira", NOW.minus(Duration.ofHours(12)).minusSeconds(1), Map.of()))
        .isFalse();
    assertThat(freshAt("bamboo", NOW.minus(Duration.ofDays(30)), Map.of())).isTrue();
  }

  @Test
  void freshnessWhenPerApplicationVerificationKnownThenItOverridesTheGlobalOne() {
    Instant old = NOW.minus(Duration.ofDays(2));
    assertThat(freshAt("jira", NOW.minusSeconds(60), Map.of("JIRA", old))).isFalse();
    assertThat(freshAt("jira", old, Map.of("jira", NOW.minusSeconds(60)))).isTrue();
  }

  @Test
  void freshnessWhenNeverVerifiedOrVerifiedInTheFutureThenNotFresh() {
    assertThat(fresh(login("alice", "staff", "internal", "jira", "11.0.0.1", "totp"))).isFalse();
    assertThat(freshAt("bamboo", NOW.plusSeconds(5), Map.of())).isFalse();
  }

  @Test
  void emptyPolicyFallsBackToRequireEverybody() {
    PolicyDecision decision =
        evaluator.evaluate(
            PolicyDocument.requireForEveryone(),
            login("anyone", "-", "internal", "jira", "10.0.0.1", "-"));

    assertThat(decision)
        .isEqualTo(
            new PolicyDecision.RequireEnrolment(
                "default", new PolicyDecision.GraceLeft.NoneLeft(), Set.of(FactorType.values())));
  }

  private PolicyDecision.GraceLeft graceAfter(int loginsUsed) {
    LoginContext base = login("dave", "staff", "internal", "jira", "11.0.0.1", "-");
    LoginContext withGrace =
        new LoginContext(
            base.username(),
            base.groups(),
            base.directory(),
            base.application(),
            base.clientAddress(),
            base.now(),
            base.enrolledFactors(),
            base.lastSecondFactorAt(),
            base.lastVerificationByApplication(),
            new GraceState(loginsUsed));
    return ((PolicyDecision.RequireEnrolment) evaluator.evaluate(policy, withGrace)).graceLeft();
  }

  private LoginContext contractorAt(Instant now) {
    return new LoginContext(
        "contractor",
        Set.of("external", "contractors"),
        "internal",
        "jira",
        IpLiteral.parse("198.51.100.1"),
        now,
        Set.of(),
        Optional.empty(),
        Map.of(),
        GraceState.UNUSED);
  }

  private boolean freshAt(String app, Instant lastSecondFactor, Map<String, Instant> perApp) {
    return fresh(
        new LoginContext(
            "alice",
            Set.of("staff"),
            "internal",
            app,
            IpLiteral.parse("11.0.0.1"),
            NOW,
            Set.of(FactorType.TOTP),
            Optional.of(lastSecondFactor),
            perApp,
            GraceState.UNUSED));
  }

  private boolean fresh(LoginContext login) {
    return ((PolicyDecision.Require2fa) evaluator.evaluate(policy, login)).lastVerificationFresh();
  }
}
