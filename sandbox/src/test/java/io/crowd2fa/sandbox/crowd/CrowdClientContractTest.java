package io.crowd2fa.sandbox.crowd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowd2fa.crowd.CookieConfiguration;
import io.crowd2fa.crowd.CrowdApplicationAuthenticationException;
import io.crowd2fa.crowd.CrowdClient;
import io.crowd2fa.crowd.CrowdClientConfig;
import io.crowd2fa.crowd.CrowdResult;
import io.crowd2fa.crowd.CrowdSession;
import io.crowd2fa.crowd.CrowdUser;
import io.crowd2fa.crowd.ErrorReason;
import io.crowd2fa.crowd.Password;
import io.crowd2fa.crowd.SessionRequest;
import io.crowd2fa.crowd.SsoToken;
import io.crowd2fa.crowd.ValidationFactors;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The one client against the stand-in: every endpoint, its success and each error reason. */
class CrowdClientContractTest {

  private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
  private static final AtomicInteger ADDRESSES = new AtomicInteger();

  private static MutableClock clock;
  private static CrowdStandIn crowd;
  private static CrowdClient service;
  private static CrowdClient jira;

  @BeforeAll
  static void startCrowd() {
    clock = new MutableClock(START);
    crowd = CrowdStandIn.builder().port(0).clock(clock).build().start();
    service = client("crowd2fa", "crowd2fa-secret");
    jira = client("jira", "jira-secret");
  }

  @AfterAll
  static void stopCrowd() {
    crowd.stop();
  }

  static CrowdClient client(String application, String password) {
    return CrowdClient.create(
        CrowdClientConfig.of(crowd.baseUrl(), application, new Password(password)));
  }

  /** A client address of its own per test, so Crowd's session reuse never links two tests. */
  private static ValidationFactors freshFactors() {
    return ValidationFactors.fromRequest("192.0.2." + ADDRESSES.incrementAndGet(), null);
  }

  private static CrowdSession login(CrowdClient client, String user, ValidationFactors factors) {
    return client.createSession(SessionRequest.withoutPassword(user, factors)).orElseThrow();
  }

  // --- POST /authentication -------------------------------------------------------------------

  @Test
  void authenticateWhenPasswordRightThenUserWithDetails() {
    CrowdUser alice = service.authenticate("alice", new Password("alice123")).orElseThrow();

    assertThat(alice)
        .isEqualTo(
            new CrowdUser(
                "alice", "Alice", "Anderson", "Alice Anderson", "alice@example.com", true));
  }

  @Test
  void authenticateWhenPasswordWrongThenInvalidUserAuthentication() {
    assertThat(service.authenticate("alice", new Password("wrong")).reasonOrNull())
        .isEqualTo(ErrorReason.INVALID_USER_AUTHENTICATION);
  }

  @Test
  void authenticateWhenAccountInactiveThenInactiveAccount() {
    assertThat(service.authenticate("inactive", new Password("inactive123")).reasonOrNull())
        .isEqualTo(ErrorReason.INACTIVE_ACCOUNT);
  }

  @Test
  void authenticateWhenCredentialExpiredThenExpiredCredential() {
    crowd.identities().setCredentialExpired("bob", true);
    try {
      assertThat(service.authenticate("bob", new Password("bob123")).reasonOrNull())
          .isEqualTo(ErrorReason.EXPIRED_CREDENTIAL);
    } finally {
      crowd.identities().setCredentialExpired("bob", false);
    }
  }

  @Test
  void authenticateWhenUserUnknownThenUserNotFound() {
    assertThat(service.authenticate("mallory", new Password("x")).reasonOrNull())
        .isEqualTo(ErrorReason.USER_NOT_FOUND);
  }

  @Test
  void authenticateIsCaseInsensitiveOnUsernameAsCrowd() {
    assertThat(service.authenticate("ALICE", new Password("alice123")).orElseThrow().name())
        .isEqualTo("alice");
  }

  // --- POST /session --------------------------------------------------------------------------

  @Test
  void createSessionWhenPasswordRightThenTokenUserAndDatesFromClock() {
    Instant now = clock.instant();

    CrowdSession session =
        service
            .createSession(
                SessionRequest.withPassword("alice", new Password("alice123"), freshFactors()))
            .orElseThrow();

    assertThat(session.username()).contains("alice");
    assertThat(session.user().orElseThrow().email()).isEqualTo("alice@example.com");
    assertThat(session.createdDate()).contains(now);
    assertThat(session.expiryDate()).contains(now.plus(CrowdStandIn.DEFAULT_SESSION_LENGTH));
  }

  @Test
  void createSessionWithoutPasswordValidationThenSession() {
    CrowdSession session = login(service, "bob", freshFactors());

    assertThat(session.username()).contains("bob");
  }

  @Test
  void createSessionWhenPasswordWrongThenInvalidUserAuthentication() {
    CrowdResult<CrowdSession> result =
        service.createSession(
            SessionRequest.withPassword("alice", new Password("nope"), freshFactors()));

    assertThat(result.reasonOrNull()).isEqualTo(ErrorReason.INVALID_USER_AUTHENTICATION);
  }

  @Test
  void createSessionWhenUserUnknownThenInvalidUserAuthenticationNotEnumeration() {
    CrowdResult<CrowdSession> result =
        service.createSession(
            SessionRequest.withPassword("mallory", new Password("x"), freshFactors()));

    assertThat(result.reasonOrNull()).isEqualTo(ErrorReason.INVALID_USER_AUTHENTICATION);
  }

  @Test
  void createSessionWhenInactiveThenInactiveAccount() {
    assertThat(
            service
                .createSession(SessionRequest.withoutPassword("inactive", freshFactors()))
                .reasonOrNull())
        .isEqualTo(ErrorReason.INACTIVE_ACCOUNT);
  }

  @Test
  void createSessionWhenCredentialExpiredThenExpiredCredential() {
    crowd.identities().setCredentialExpired("alice", true);
    try {
      assertThat(
              service
                  .createSession(
                      SessionRequest.withPassword(
                          "alice", new Password("alice123"), freshFactors()))
                  .reasonOrNull())
          .isEqualTo(ErrorReason.EXPIRED_CREDENTIAL);
    } finally {
      crowd.identities().setCredentialExpired("alice", false);
    }
  }

  @Test
  void createSessionWhenUserNotAllowedInApplicationThenApplicationAccessDenied() {
    assertThat(
            jira.createSession(SessionRequest.withoutPassword("contractor", freshFactors()))
                .reasonOrNull())
        .isEqualTo(ErrorReason.APPLICATION_ACCESS_DENIED);
  }

  @Test
  void createSessionWhenAdminNestedInAllowedGroupThenAllowed() {
    assertThat(login(jira, "admin", freshFactors()).username()).contains("admin");
  }

  @Test
  void createSessionWithDurationThenExpiryAfterDuration() {
    CrowdSession session =
        service
            .createSession(
                SessionRequest.withoutPassword("alice", freshFactors())
                    .withDuration(Duration.ofMinutes(5)))
            .orElseThrow();

    assertThat(session.expiryDate())
        .contains(session.createdDate().orElseThrow().plus(Duration.ofMinutes(5)));
  }

  @Test
  void createSessionTwiceForSameUserAndFactorsThenOngoingSessionReturned() {
    ValidationFactors factors = freshFactors();

    SsoToken first = login(service, "alice", factors).token();
    SsoToken second = login(service, "alice", factors).token();
    SsoToken otherClient = login(service, "alice", freshFactors()).token();

    assertThat(second).isEqualTo(first);
    assertThat(otherClient).isNotEqualTo(first);
  }

  @Test
  void createSessionAfterInvalidateThenNewToken() {
    ValidationFactors factors = freshFactors();
    SsoToken first = login(service, "alice", factors).token();

    service.invalidateSession(first);

    assertThat(login(service, "alice", factors).token()).isNotEqualTo(first);
  }

  @Test
  void tokensCarryAtLeast128RandomBits() {
    SsoToken token = login(service, "alice", freshFactors()).token();

    assertThat(Base64.getUrlDecoder().decode(token.value())).hasSizeGreaterThanOrEqualTo(16);
  }

  // --- POST /session/{token} ------------------------------------------------------------------

  @Test
  void validateSessionWhenLiveThenSessionAndExpiryExtended() {
    ValidationFactors factors = freshFactors();
    CrowdSession created = login(service, "alice", factors);
    clock.advance(Duration.ofMinutes(10));

    CrowdSession validated = jira.validateSession(created.token(), factors).orElseThrow();

    assertThat(validated.token()).isEqualTo(created.token());
    assertThat(validated.username()).contains("alice");
    assertThat(validated.createdDate()).isEqualTo(created.createdDate());
    assertThat(validated.expiryDate())
        .contains(clock.instant().plus(CrowdStandIn.DEFAULT_SESSION_LENGTH));
  }

  @Test
  void validateSessionJustBeforeExpiryThenStillValid() {
    ValidationFactors factors = freshFactors();
    SsoToken token = login(service, "alice", factors).token();
    clock.advance(CrowdStandIn.DEFAULT_SESSION_LENGTH.minusMillis(1));

    assertThat(jira.validateSession(token, factors).isOk()).isTrue();
  }

  @Test
  void validateSessionAfterExpiryThenInvalidSsoToken() {
    ValidationFactors factors = freshFactors();
    SsoToken token = login(service, "alice", factors).token();
    clock.advance(CrowdStandIn.DEFAULT_SESSION_LENGTH);

    assertThat(jira.validateSession(token, factors).reasonOrNull())
        .isEqualTo(ErrorReason.INVALID_SSO_TOKEN);
  }

  @Test
  void validateSessionAfterDeleteThenInvalidSsoToken() {
    ValidationFactors factors = freshFactors();
    SsoToken token = login(service, "alice", factors).token();

    service.invalidateSession(token);

    assertThat(jira.validateSession(token, factors).reasonOrNull())
        .isEqualTo(ErrorReason.INVALID_SSO_TOKEN);
  }

  @Test
  void validateSessionWhenTokenForgedThenInvalidSsoToken() {
    assertThat(
            jira.validateSession(new SsoToken("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), freshFactors())
                .reasonOrNull())
        .isEqualTo(ErrorReason.INVALID_SSO_TOKEN);
  }

  @Test
  void validateSessionWhenUserLacksAccessToValidatingApplicationThenApplicationAccessDenied() {
    ValidationFactors factors = freshFactors();
    SsoToken token = login(service, "contractor", factors).token();

    assertThat(jira.validateSession(token, factors).reasonOrNull())
        .isEqualTo(ErrorReason.APPLICATION_ACCESS_DENIED);
    assertThat(client("confluence", "confluence-secret").validateSession(token, factors).isOk())
        .isTrue();
  }

  @Test
  void validateSessionWhenUserDeactivatedSinceThenInvalidSsoToken() {
    ValidationFactors factors = freshFactors();
    SsoToken token = login(service, "bob", factors).token();
    crowd.identities().setActive("bob", false);
    try {
      assertThat(jira.validateSession(token, factors).reasonOrNull())
          .isEqualTo(ErrorReason.INVALID_SSO_TOKEN);
    } finally {
      crowd.identities().setActive("bob", true);
    }
  }

  @Test
  void validateSessionFromOtherAddressWhenConsistentIpNotRequiredThenValid() {
    SsoToken token = login(service, "alice", freshFactors()).token();

    assertThat(jira.validateSession(token, freshFactors()).isOk()).isTrue();
  }

  // --- GET and DELETE /session ----------------------------------------------------------------

  @Test
  void getSessionWithExpandUserThenFullUser() {
    SsoToken token = login(service, "alice", freshFactors()).token();

    CrowdSession session = jira.getSession(token, true).orElseThrow();

    assertThat(session.user().orElseThrow().displayName()).isEqualTo("Alice Anderson");
  }

  @Test
  void getSessionWithoutExpandThenOnlyUserName() {
    SsoToken token = login(service, "alice", freshFactors()).token();

    CrowdSession session = jira.getSession(token, false).orElseThrow();

    assertThat(session.username()).contains("alice");
    assertThat(session.user().orElseThrow().displayName()).isEmpty();
  }

  @Test
  void getSessionWhenUnknownThenInvalidSsoToken() {
    assertThat(jira.getSession(new SsoToken("unknown"), true).reasonOrNull())
        .isEqualTo(ErrorReason.INVALID_SSO_TOKEN);
  }

  @Test
  void invalidateSessionWhenUnknownThenNoError() {
    service.invalidateSession(new SsoToken("never-issued"));

    assertThat(crowd.sessions().find("never-issued")).isEmpty();
  }

  @Test
  void invalidateSessionsOfUserThenAllButExcludedEnd() {
    SsoToken keep = login(service, "bob", freshFactors()).token();
    SsoToken end1 = login(service, "bob", freshFactors()).token();
    SsoToken end2 = login(service, "bob", freshFactors()).token();
    SsoToken otherUser = login(service, "alice", freshFactors()).token();

    service.invalidateSessionsOfUser("bob", Optional.of(keep));

    assertThat(jira.getSession(keep, false).isOk()).isTrue();
    assertThat(jira.getSession(end1, false).reasonOrNull())
        .isEqualTo(ErrorReason.INVALID_SSO_TOKEN);
    assertThat(jira.getSession(end2, false).reasonOrNull())
        .isEqualTo(ErrorReason.INVALID_SSO_TOKEN);
    assertThat(jira.getSession(otherUser, false).isOk()).isTrue();
  }

  @Test
  void invalidateSessionsOfUserWithoutExcludeThenAllEnd() {
    SsoToken token = login(service, "bob", freshFactors()).token();

    service.invalidateSessionsOfUser("bob", Optional.empty());

    assertThat(jira.getSession(token, false).reasonOrNull())
        .isEqualTo(ErrorReason.INVALID_SSO_TOKEN);
  }

  // --- users, groups, cookie ------------------------------------------------------------------

  @Test
  void getUserThenDetails() {
    CrowdUser contractor = service.getUser("contractor").orElseThrow();

    assertThat(contractor.displayName()).isEqualTo("Casey Contractor");
    assertThat(contractor.active()).isTrue();
    assertThat(service.getUser("inactive").orElseThrow().active()).isFalse();
  }

  @Test
  void getUserWhenUnknownThenUserNotFound() {
    assertThat(service.getUser("mallory").reasonOrNull()).isEqualTo(ErrorReason.USER_NOT_FOUND);
  }

  @Test
  void groupsOfAdminThenDirectOnlyAdministratorsAndNestedIncludesParents() {
    assertThat(service.getDirectGroupNames("admin").orElseThrow())
        .containsExactly("crowd-administrators");
    assertThat(service.getNestedGroupNames("admin").orElseThrow())
        .containsExactlyInAnyOrder(
            "crowd-administrators", "jira-software-users", "confluence-users");
  }

  @Test
  void groupsOfDemoUsersAsPlanned() {
    assertThat(service.getNestedGroupNames("alice").orElseThrow())
        .containsExactlyInAnyOrder("jira-software-users", "confluence-users");
    assertThat(service.getNestedGroupNames("contractor").orElseThrow()).containsExactly("external");
  }

  @Test
  void groupsWhenUserUnknownThenUserNotFound() {
    assertThat(service.getNestedGroupNames("mallory").reasonOrNull())
        .isEqualTo(ErrorReason.USER_NOT_FOUND);
    assertThat(service.getDirectGroupNames("mallory").reasonOrNull())
        .isEqualTo(ErrorReason.USER_NOT_FOUND);
  }

  @Test
  void cookieConfigurationFromSeed() {
    assertThat(service.getCookieConfiguration())
        .isEqualTo(new CookieConfiguration(Optional.empty(), false, "crowd.token_key"));
  }

  // --- application authentication -------------------------------------------------------------

  @Test
  void anyCallWhenApplicationPasswordWrongThen401ApplicationAuthenticationFault() {
    CrowdClient wrong = client("jira", "guessed-secret");

    assertThatThrownBy(() -> wrong.getUser("alice"))
        .isInstanceOf(CrowdApplicationAuthenticationException.class)
        .hasMessageNotContaining("guessed-secret")
        .satisfies(
            e -> assertThat(((CrowdApplicationAuthenticationException) e).status()).isEqualTo(401));
    assertThatThrownBy(
            () -> wrong.validateSession(new SsoToken("whatever"), ValidationFactors.none()))
        .isInstanceOf(CrowdApplicationAuthenticationException.class);
  }

  @Test
  void anyCallWhenApplicationUnknownThen401ApplicationAuthenticationFault() {
    assertThatThrownBy(() -> client("bamboo", "jira-secret").getCookieConfiguration())
        .isInstanceOf(CrowdApplicationAuthenticationException.class);
  }

  @Test
  void rightApplicationPasswordAfterWrongOneStillAccepted() {
    CrowdClient wrong = client("confluence", "confluence-secreT");
    assertThatThrownBy(() -> wrong.getUser("alice"))
        .isInstanceOf(CrowdApplicationAuthenticationException.class);

    assertThat(client("confluence", "confluence-secret").getUser("alice").isOk()).isTrue();
  }
}
