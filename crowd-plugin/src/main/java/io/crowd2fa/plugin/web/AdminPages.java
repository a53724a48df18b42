package io.crowd2fa.plugin.web;

import io.crowd2fa.plugin.audit.AuditEvent;
import io.crowd2fa.plugin.engine.CounterStatus;
import io.crowd2fa.plugin.engine.EnrolledFactor;
import io.crowd2fa.plugin.login.AccountAccess.Access;
import io.crowd2fa.plugin.login.ClientInfo;
import io.crowd2fa.plugin.login.HelpDesk;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The help-desk page ({@code /admin}) for members of the admin group: look a user up, clear their
 * lockout, or remove all their factors after a lost device; and the search of every user's audit
 * events ({@link AdminEventsPage}) behind the same gate. Changes need a second factor from the last
 * 15 minutes, as on the account page; the CSRF check of every POST is done by {@link WebRoutes}.
 */
final class AdminPages {

  static final String PATH = "/admin";
  private static final String RESET = PATH + "/reset";
  private static final String REMOVE_ALL = PATH + "/remove-all";
  private static final Set<String> NOTICES = Set.of("reset", "removed", "unknown");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private final ServiceAssembly service;
  private final PageRenderer renderer;
  private final SignedInGate gate;
  private final AdminEventsPage events;

  AdminPages(ServiceAssembly service, PageRenderer renderer) {
    this.service = service;
    this.renderer = renderer;
    this.gate = new SignedInGate(service);
    this.events = new AdminEventsPage(service, renderer);
  }

  /** Whether {@code path} was a help-desk page (and has been answered). */
  boolean handle(
      boolean post,
      String path,
      HttpServletRequest request,
      HttpServletResponse response,
      PageChrome page,
      ClientInfo client)
      throws IOException {
    if (!path.equals(PATH)
        && !path.equals(RESET)
        && !path.equals(REMOVE_ALL)
        && !path.equals(AdminEventsPage.PATH)) {
      return false;
    }
    // Back to the page asked for after a step-up, except from a POST, which cannot be replayed.
    String back = path.equals(AdminEventsPage.PATH) ? AdminEventsPage.PATH : PATH;
    Optional<Access.SignedIn> admitted = gate.admit(request, response, page, client, back);
    if (admitted.isEmpty()) {
      return true;
    }
    String admin = admitted.get().username();
    if (!service.helpDesk().mayHelp(admin, client)) {
      forbidden(response, page);
      return true;
    }
    FormInput input = new FormInput(request);
    if (path.equals(AdminEventsPage.PATH)) {
      if (post) {
        throw new BadRequestException("method", "the audit search accepts only GET");
      }
      events.show(response, page, admin, input, client);
      return true;
    }
    if (path.equals(PATH)) {
      if (post) {
        throw new BadRequestException("method", "the help-desk page accepts only GET");
      }
      show(response, page, admin, input, client);
      return true;
    }
    if (!post) {
      throw new BadRequestException("method", "this step accepts only POST");
    }
    if (!service.accountAccess().freshEnough(admitted.get(), path, client)) {
      SignedInGate.redirect(response, gate.verifyUrl(page, PATH));
      return true;
    }
    String user = input.required("username", FormInput.USERNAME_MAX);
    boolean done;
    if (path.equals(RESET)) {
      done = service.helpDesk().clearLockout(user, admin, client).isPresent();
    } else {
      if (!"yes".equals(input.optional("confirm", 3).orElse(""))) {
        throw new BadRequestException("confirm", "removing all factors needs confirmation");
      }
      done = service.helpDesk().removeAllFactors(user, admin, client).isPresent();
    }
    String notice = !done ? "unknown" : path.equals(RESET) ? "reset" : "removed";
    SignedInGate.redirect(
        response,
        page.base()
            + PATH
            + "?username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&notice="
            + notice);
    return true;
  }

  private void show(
      HttpServletResponse response,
      PageChrome page,
      String admin,
      FormInput input,
      ClientInfo client)
      throws IOException {
    String asked = input.optional("username", FormInput.USERNAME_MAX).map(String::strip).orElse("");
    Optional<HelpDesk.UserView> view =
        asked.isEmpty() ? Optional.empty() : service.helpDesk().lookUp(asked, admin, client);
    Map<String, Object> params = new HashMap<>();
    params.put("page", page);
    params.put("admin", admin);
    params.put("asked", asked);
    params.put(
        "notice",
        input
            .optional("notice", 16)
            .filter(NOTICES::contains)
            .map(n -> page.msg("admin.notice." + n))
            .orElse(asked.isEmpty() || view.isPresent() ? "" : page.msg("admin.notice.unknown")));
    params.put("found", view.isPresent());
    params.put("username", view.map(HelpDesk.UserView::username).orElse(""));
    params.put("factors", view.map(v -> rows(v.factors())).orElse(List.of()));
    params.put("remainingCodes", view.map(HelpDesk.UserView::remainingRecoveryCodes).orElse(0));
    params.put(
        "secondFactorCounter", view.map(v -> counter(page, v.lockout().secondFactor())).orElse(""));
    params.put(
        "recoveryCodeCounter", view.map(v -> counter(page, v.lockout().recoveryCode())).orElse(""));
    params.put("events", view.map(v -> events(v.recentEvents())).orElse(List.of()));
    renderer.render(response, 200, "admin.jte", params);
  }

  private static List<FactorRow> rows(List<EnrolledFactor> factors) {
    return factors.stream().map(f -> FactorRow.of(f, TIME)).toList();
  }

  private static String counter(PageChrome page, CounterStatus status) {
    return status.lockedUntil() == null
        ? page.msg("admin.counter.open", status.consecutiveFailures(), status.failuresThisHour())
        : page.msg(
            "admin.counter.locked",
            status.consecutiveFailures(),
            status.failuresThisHour(),
            TIME.format(status.lockedUntil()));
  }

  private static List<AuditRow> events(List<AuditEvent> events) {
    return events.stream().map(AuditRow::of).toList();
  }

  private void forbidden(HttpServletResponse response, PageChrome page) throws IOException {
    renderer.render(
        response,
        403,
        "notice.jte",
        Map.of(
            "page",
            page,
            "title",
            page.msg("admin.forbidden.title"),
            "body",
            page.msg("admin.forbidden.body"),
            "linkHref",
            "",
            "linkText",
            ""));
  }
}
