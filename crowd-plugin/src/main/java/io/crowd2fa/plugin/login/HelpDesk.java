package io.crowd2fa.plugin.login;

import io.crowd2fa.crowd.CrowdClient;
import io.crowd2fa.crowd.CrowdResult;
import io.crowd2fa.crowd.CrowdUser;
import io.crowd2fa.plugin.audit.AuditEvent;
import io.crowd2fa.plugin.audit.AuditQuery;
import io.crowd2fa.plugin.audit.AuditSearch;
import io.crowd2fa.plugin.audit.AuditSearchPage;
import io.crowd2fa.plugin.engine.AdminResetResult;
import io.crowd2fa.plugin.engine.EnrolledFactor;
import io.crowd2fa.plugin.engine.FactorsRemovedResult;
import io.crowd2fa.plugin.engine.LockoutStatus;
import io.crowd2fa.plugin.engine.RequestContext;
import io.crowd2fa.plugin.engine.TwoFactorEngine;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a Crowd admin does for a user who calls the help desk: look at their factors, counters and
 * recent events, clear a lockout, or remove every factor after a lost device. Who may do it is a
 * member (nested counts) of the configured Crowd group; every look and change is audited under the
 * user it concerns, naming the admin.
 */
public final class HelpDesk {

  private static final int RECENT_EVENTS = 25;

  private final TwoFactorEngine engine;
  private final CrowdClient crowd;
  private final LoginAudit audit;
  private final String adminGroup;

  public HelpDesk(TwoFactorEngine engine, CrowdClient crowd, LoginAudit audit, String adminGroup) {
    this.engine = engine;
    this.crowd = crowd;
    this.audit = audit;
    this.adminGroup = Objects.requireNonNull(adminGroup, "adminGroup");
  }

  /** One user as the help desk sees them. */
  public record UserView(
      String username,
      List<EnrolledFactor> factors,
      int remainingRecoveryCodes,
      LockoutStatus lockout,
      List<AuditEvent> recentEvents) {
    public UserView {
      factors = List.copyOf(factors);
      recentEvents = List.copyOf(recentEvents);
    }
  }

  /**
   * Whether {@code username} is in the admin group at Crowd. A user Crowd does not know is not; a
   * Crowd that cannot answer is a fault (the page fails closed).
   */
  public boolean mayHelp(String username, ClientInfo client) {
    CrowdResult<List<String>> groups = crowd.getNestedGroupNames(username);
    boolean admin =
        groups instanceof CrowdResult.Ok<List<String>> ok
            && ok.value().stream().anyMatch(adminGroup::equalsIgnoreCase);
    if (!admin) {
      audit.failure(LoginAudit.ADMIN_REJECTED, username, client, "not in " + adminGroup);
    }
    return admin;
  }

  /** The user Crowd knows by {@code name} (in Crowd's spelling), or empty. */
  public Optional<UserView> lookUp(String name, String admin, ClientInfo client) {
    Optional<String> username = canonical(name);
    username.ifPresent(user -> audit.success(LoginAudit.ADMIN_VIEWED, user, client, "by " + admin));
    return username.map(
        user ->
            new UserView(
                user,
                engine.enrolledFactors(user),
                engine.remainingRecoveryCodes(user),
                engine.lockoutStatus(user),
                engine
                    .auditEvents(new AuditQuery(user, null, null, null, 0, RECENT_EVENTS))
                    .events()));
  }

  /**
   * One page of everybody's events. The search is audited under the admin before anything is read,
   * naming the filters, because it may concern any number of users.
   */
  public AuditSearchPage searchEvents(AuditSearch search, String admin, ClientInfo client) {
    audit.success(LoginAudit.ADMIN_AUDIT_SEARCHED, admin, client, search.describe());
    return engine.searchAudit(search);
  }

  /** Clears the user's counters and deletes their disabled factors. */
  public Optional<AdminResetResult> clearLockout(String name, String admin, ClientInfo client) {
    return canonical(name).map(user -> engine.adminReset(user, admin, context(client)));
  }

  /** Lost device: every factor and recovery code goes; the next login enrols afresh. */
  public Optional<FactorsRemovedResult> removeAllFactors(
      String name, String admin, ClientInfo client) {
    return canonical(name).map(user -> engine.removeAllFactors(user, admin, context(client)));
  }

  private Optional<String> canonical(String name) {
    CrowdResult<CrowdUser> found = crowd.getUser(name);
    return found instanceof CrowdResult.Ok<CrowdUser> ok
        ? Optional.of(ok.value().name())
        : Optional.empty();
  }

  private static RequestContext context(ClientInfo client) {
    return new RequestContext(client.address(), client.userAgent());
  }
}
