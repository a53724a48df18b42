package io.crowd2fa.sandbox.crowd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowd2fa.crowd.CrowdClient;
import io.crowd2fa.crowd.CrowdClientConfig;
import io.crowd2fa.crowd.CrowdSession;
import io.crowd2fa.crowd.CrowdUnreachableException;
import io.crowd2fa.crowd.Password;
import io.crowd2fa.crowd.SessionRequest;
import io.crowd2fa.crowd.SsoToken;
import io.crowd2fa.crowd.ValidationFactors;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Crowd that stalls, Crowd that is down: the client fails closed with a typed fault. */
class CrowdFaultsTest {

  /** Generous: only a stalled call may time out, never set-up calls on a busy machine. */
  private static final Duration PATIENT = Duration.ofSeconds(30);

  /** Short, yet not a timing assumption: a stalled call is held until the test releases it. */
  private static final Duration IMPATIENT = Duration.ofMillis(300);

  private static CrowdClient client(URI baseUrl) {
    return client(baseUrl, PATIENT);
  }

  private static CrowdClient client(URI baseUrl, Duration answerTimeout) {
    return CrowdClient.create(
        CrowdClientConfig.of(baseUrl, "jira", new Password("jira-secret"))
            .withTimeouts(PATIENT, answerTimeout));
  }

  @Test
  void validateWhenCrowdStallsThenUnreachableTimedOutWithoutToken() throws Exception {
    try (CrowdStandIn crowd = CrowdStandIn.builder().port(0).build().start()) {
      CrowdClient jira = client(crowd.baseUrl());
      CrowdClient impatient = client(crowd.baseUrl(), IMPATIENT);
      CrowdSession session =
          jira.createSession(
                  SessionRequest.withoutPassword(
                      "alice", ValidationFactors.fromRequest("127.0.0.1", null)))
              .orElseThrow();

      try (Stall stall = crowd.stall()) {
        assertThatThrownBy(
                () ->
                    impatient.validateSession(
                        session.token(), ValidationFactors.fromRequest("127.0.0.1", null)))
            .isInstanceOf(CrowdUnreachableException.class)
            .hasMessageContaining("POST /session/{token}")
            .hasMessageNotContaining(session.token().value())
            .satisfies(e -> assertThat(((CrowdUnreachableException) e).timedOut()).isTrue());
        assertThat(stall.heldRequests()).isEqualTo(1);
      }

      assertThat(
              jira.validateSession(
                      session.token(), ValidationFactors.fromRequest("127.0.0.1", null))
                  .isOk())
          .isTrue();
    }
  }

  @Test
  void callWhenAllConnectionsHeldByStalledCallsThenUnreachableInsteadOfQueueingForever()
      throws Exception {
    try (CrowdStandIn crowd = CrowdStandIn.builder().port(0).build().start()) {
      CrowdClient jira =
          CrowdClient.create(
              CrowdClientConfig.of(crowd.baseUrl(), "jira", new Password("jira-secret"))
                  .withTimeouts(Duration.ofSeconds(2), PATIENT)
                  .withHttpMaxConnections(1));
      try (Stall stall = crowd.stall()) {
        CompletableFuture<Boolean> held =
            CompletableFuture.supplyAsync(() -> jira.getUser("alice").isOk());
        assertThat(stall.awaitHeldRequest(Duration.ofSeconds(20))).isTrue();

        assertThatThrownBy(() -> jira.getUser("bob"))
            .isInstanceOf(CrowdUnreachableException.class)
            .hasMessageContaining("connections busy");

        stall.release();
        assertThat(held.get(20, TimeUnit.SECONDS)).isTrue();
      }
    }
  }

  @Test
  void anyCallWhenCrowdStoppedThenUnreachableNotTimedOut() {
    CrowdStandIn crowd = CrowdStandIn.builder().port(0).build().start();
    URI baseUrl = crowd.baseUrl();
    CrowdClient jira = client(baseUrl);
    assertThat(jira.getUser("alice").isOk()).isTrue();

    crowd.stop();

    assertThatThrownBy(() -> jira.validateSession(new SsoToken("t"), ValidationFactors.none()))
        .isInstanceOf(CrowdUnreachableException.class)
        .hasMessageContaining(baseUrl.toString())
        .satisfies(e -> assertThat(((CrowdUnreachableException) e).timedOut()).isFalse());
    assertThatThrownBy(jira::getCookieConfiguration).isInstanceOf(CrowdUnreachableException.class);
  }

  @Test
  void crowdBackAfterOutageThenSameUrlAnsweringWithItsSessions() {
    ValidationFactors factors = ValidationFactors.fromRequest("127.0.0.1", null);
    try (CrowdStandIn crowd = CrowdStandIn.builder().port(0).build().start()) {
      CrowdClient jira = client(crowd.baseUrl());
      SsoToken token =
          jira.createSession(SessionRequest.withoutPassword("alice", factors))
              .orElseThrow()
              .token();

      crowd.stop();
      assertThatThrownBy(() -> jira.validateSession(token, factors))
          .isInstanceOf(CrowdUnreachableException.class);
      crowd.start();

      assertThat(jira.validateSession(token, factors).isOk()).isTrue();
    }
  }

  @Test
  void newStandInForgetsSessionsAsItKeepsThemOnlyInMemory() {
    ValidationFactors factors = ValidationFactors.fromRequest("127.0.0.1", null);
    SsoToken token;
    try (CrowdStandIn first = CrowdStandIn.builder().port(0).build().start()) {
      token =
          client(first.baseUrl())
              .createSession(SessionRequest.withoutPassword("alice", factors))
              .orElseThrow()
              .token();
    }
    try (CrowdStandIn second = CrowdStandIn.builder().port(0).build().start()) {
      assertThat(client(second.baseUrl()).validateSession(token, factors).isOk()).isFalse();
    }
  }
}
