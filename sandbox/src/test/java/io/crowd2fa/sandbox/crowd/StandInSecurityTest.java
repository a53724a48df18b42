package io.crowd2fa.sandbox.crowd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowd2fa.crowd.CrowdApplicationAuthenticationException;
import io.crowd2fa.crowd.CrowdClient;
import io.crowd2fa.crowd.CrowdClientConfig;
import io.crowd2fa.crowd.ErrorReason;
import io.crowd2fa.crowd.Password;
import io.crowd2fa.crowd.SessionRequest;
import io.crowd2fa.crowd.SsoToken;
import io.crowd2fa.crowd.ValidationFactors;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Attacks on the stand-in's session and application checks. */
class StandInSecurityTest {

  private static CrowdClient client(CrowdStandIn crowd, String app, String password) {
    return CrowdClient.create(CrowdClientConfig.of(crowd.baseUrl(), app, new Password(password)));
  }

  @Test
  void validateFromOtherClientIpWhenConsistentIpRequiredThenInvalidSsoToken() {
    try (CrowdStandIn crowd =
        CrowdStandIn.builder().port(0).requireConsistentClientIp(true).build().start()) {
      CrowdClient jira = client(crowd, "jira", "jira-secret");
      ValidationFactors victim = ValidationFactors.fromRequest("192.0.2.10", null);
      SsoToken stolen =
          jira.createSession(SessionRequest.withoutPassword("alice", victim)).orElseThrow().token();

      assertThat(
              jira.validateSession(stolen, ValidationFactors.fromRequest("203.0.113.66", null))
                  .reasonOrNull())
          .isEqualTo(ErrorReason.INVALID_SSO_TOKEN);
      assertThat(jira.validateSession(stolen, victim).isOk()).isTrue();
    }
  }

  @Test
  void validateThroughAnotherProxyWhenSameForwardedClientThenValid() {
    try (CrowdStandIn crowd =
        CrowdStandIn.builder().port(0).requireConsistentClientIp(true).build().start()) {
      CrowdClient jira = client(crowd, "jira", "jira-secret");
      SsoToken token =
          jira.createSession(
                  SessionRequest.withoutPassword(
                      "alice", ValidationFactors.fromRequest("10.0.0.1", "198.51.100.7")))
              .orElseThrow()
              .token();

      assertThat(
              jira.validateSession(token, ValidationFactors.fromRequest("10.0.0.2", "198.51.100.7"))
                  .isOk())
          .isTrue();
      assertThat(
              jira.validateSession(token, ValidationFactors.fromRequest("10.0.0.2", "198.51.100.8"))
                  .reasonOrNull())
          .isEqualTo(ErrorReason.INVALID_SSO_TOKEN);
    }
  }

  @Test
  void applicationCallingFromAddressNotAllowedThen403ApplicationFault() {
    CrowdSeed demo = CrowdSeed.demo();
    CrowdSeed.Application jira = demo.applications().get(1);
    CrowdSeed.Application onlyElsewhere =
        new CrowdSeed.Application(
            "restricted",
            jira.passwordBcrypt(),
            jira.directories(),
            true,
            List.of(),
            List.of("192.0.2.99"));
    CrowdSeed.Application onlyLoopback =
        new CrowdSeed.Application(
            "loopback",
            jira.passwordBcrypt(),
            jira.directories(),
            true,
            List.of(),
            List.of("127.0.0.1"));
    CrowdSeed seed =
        new CrowdSeed(
            demo.documentation(),
            demo.cookie(),
            demo.directories(),
            List.of(onlyElsewhere, onlyLoopback));

    try (CrowdStandIn crowd = CrowdStandIn.builder().port(0).seed(seed).build().start()) {
      assertThatThrownBy(() -> client(crowd, "restricted", "jira-secret").getUser("alice"))
          .isInstanceOf(CrowdApplicationAuthenticationException.class)
          .satisfies(
              e ->
                  assertThat(((CrowdApplicationAuthenticationException) e).status())
                      .isEqualTo(403));
      assertThat(client(crowd, "loopback", "jira-secret").getUser("alice").isOk()).isTrue();
    }
  }

  @Test
  void createSessionConcurrentlyForSameClientThenExactlyOneSession() throws Exception {
    try (CrowdStandIn crowd = CrowdStandIn.builder().port(0).build().start()) {
      CrowdClient service = client(crowd, "crowd2fa", "crowd2fa-secret");
      ValidationFactors factors = ValidationFactors.fromRequest("192.0.2.1", null);
      Callable<SsoToken> create =
          () ->
              service
                  .createSession(SessionRequest.withoutPassword("alice", factors))
                  .orElseThrow()
                  .token();

      Set<SsoToken> tokens = runConcurrently(16, create);

      assertThat(tokens).hasSize(1);
      assertThat(crowd.sessions().size()).isEqualTo(1);
    }
  }

  @Test
  void createSessionConcurrentlyForDistinctClientsThenDistinctTokens() throws Exception {
    try (CrowdStandIn crowd = CrowdStandIn.builder().port(0).build().start()) {
      CrowdClient service = client(crowd, "crowd2fa", "crowd2fa-secret");
      java.util.concurrent.atomic.AtomicInteger next =
          new java.util.concurrent.atomic.AtomicInteger();
      Callable<SsoToken> create =
          () ->
              service
                  .createSession(
                      SessionRequest.withoutPassword(
                          "bob",
                          ValidationFactors.fromRequest("192.0.2." + next.incrementAndGet(), null)))
                  .orElseThrow()
                  .token();

      Set<SsoToken> tokens = runConcurrently(32, create);

      assertThat(tokens).hasSize(32);
      assertThat(crowd.sessions().size()).isEqualTo(32);
    }
  }

  @Test
  void validateRacingInvalidateThenNoValidationSucceedsAfterInvalidateReturns() throws Exception {
    try (CrowdStandIn crowd = CrowdStandIn.builder().port(0).build().start()) {
      CrowdClient service = client(crowd, "crowd2fa", "crowd2fa-secret");
      CrowdClient jira = client(crowd, "jira", "jira-secret");
      ValidationFactors factors = ValidationFactors.fromRequest("192.0.2.1", null);
      SsoToken token =
          service
              .createSession(SessionRequest.withoutPassword("alice", factors))
              .orElseThrow()
              .token();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<Boolean>> racing =
            IntStream.range(0, 40)
                .mapToObj(i -> pool.submit(() -> jira.validateSession(token, factors).isOk()))
                .toList();

        service.invalidateSession(token);

        for (int attempt = 0; attempt < 20; attempt++) {
          assertThat(jira.validateSession(token, factors).reasonOrNull())
              .isEqualTo(ErrorReason.INVALID_SSO_TOKEN);
        }
        for (Future<Boolean> future : racing) {
          future.get();
        }
        assertThat(jira.validateSession(token, factors).isOk()).isFalse();
        assertThat(crowd.sessions().find(token.value())).isEmpty();
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private static Set<SsoToken> runConcurrently(int calls, Callable<SsoToken> call)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<SsoToken>> futures =
          pool.invokeAll(IntStream.range(0, calls).mapToObj(i -> call).toList());
      Set<SsoToken> tokens = new java.util.HashSet<>();
      for (Future<SsoToken> future : futures) {
        tokens.add(future.get());
      }
      return tokens.stream().collect(Collectors.toSet());
    } finally {
      pool.shutdownNow();
    }
  }
}
