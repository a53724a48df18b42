package io.crowd2fa.plugin.web;

import io.crowd2fa.plugin.engine.FactorRemoval;
import io.crowd2fa.plugin.engine.FactorType;
import io.crowd2fa.plugin.login.AccountAccess.Access;
import io.crowd2fa.plugin.login.ClientInfo;
import io.crowd2fa.plugin.login.SecondFactors;
import io.crowd2fa.plugin.login.SecondFactors.EnrolmentCheck;
import io.crowd2fa.plugin.totp.TotpEnrolment;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The self-service pages of a signed-in user ({@code /account}): their factors and how many
 * recovery codes are left; after a recent second factor, a new authenticator app or security key,
 * removing a factor (never the last active one) and new recovery codes. The CSRF check of every
 * POST is done by {@link WebRoutes} before this class sees the request.
 */
final class AccountPages {

  static final String PATH = "/account";
  private static final String CODES = PATH + "/recovery-codes";
  private static final String ADD_TOTP = PATH + "/totp";
  private static final String FINISH_TOTP = PATH + "/totp/finish";
  private static final String ADD_KEY = PATH + "/key";
  private static final String FINISH_KEY = PATH + "/key/finish";
  private static final String REMOVE = PATH + "/factors/remove";
  private static final String NO_ERROR = "";
  private static final Set<String> CHANGES =
      Set.of(CODES, ADD_TOTP, FINISH_TOTP, ADD_KEY, FINISH_KEY, REMOVE);
  private static final Set<String> NOTICES = Set.of("added", "removed", "kept", "notfound");
  private static final Set<String> REFUSALS = Set.of("kept", "notfound");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private final ServiceAssembly service;
  private final PageRenderer renderer;
  private final SignedInGate gate;

  AccountPages(ServiceAssembly service, PageRenderer renderer) {
    this.service = service;
    this.renderer = renderer;
    this.gate = new SignedInGate(service);
  }

  /** One request to a change of the signed-in user's factors. */
  private record Change(
      HttpServletResponse response,
      PageChrome page,
      ClientInfo client,
      FormInput input,
      Access.SignedIn user) {}

  /** Whether {@code path} was an account page (and has been answered). */
  boolean handle(
      boolean post,
      String path,
      HttpServletRequest request,
      HttpServletResponse response,
      PageChrome page,
      ClientInfo client)
      throws IOException {
    if (!path.equals(PATH) && !CHANGES.contains(path)) {
      return false;
    }
    Optional<Access.SignedIn> admitted = gate.admit(request, response, page, client, PATH);
    if (admitted.isEmpty()) {
      return true;
    }
    Access.SignedIn signedIn = admitted.get();
    FormInput input = new FormInput(request);
    if (path.equals(PATH)) {
      if (post) {
        throw new BadRequestException("method", "the account page accepts only GET");
      }
      overview(response, page, signedIn.username(), input.optional("notice", 16));
      return true;
    }
    if (!post) {
      throw new BadRequestException("method", "this step accepts only POST");
    }
    if (!service.accountAccess().freshEnough(signedIn, path, client)) {
      redirect(response, gate.verifyUrl(page, PATH));
      return true;
    }
    change(path, new Change(response, page, client, input, signedIn));
    return true;
  }

  private void change(String path, Change change) throws IOException {
    switch (path) {
      case CODES -> regenerateCodes(change);
      case ADD_TOTP -> startTotp(change, nickname(change.input()), false);
      case FINISH_TOTP -> finishTotp(change);
      case ADD_KEY -> startKey(change, NO_ERROR);
      case FINISH_KEY -> finishKey(change);
      case REMOVE -> remove(change);
      default -> throw new IllegalStateException("no account change at " + path);
    }
  }

  /** Only the fixed notices are shown; anything else in the query string shows nothing. */
  private void overview(
      HttpServletResponse response, PageChrome page, String username, Optional<String> notice)
      throws IOException {
    Optional<String> known = notice.filter(NOTICES::contains);
    List<FactorRow> rows =
        service.factors().factorsOf(username).stream().map(f -> FactorRow.of(f, TIME)).toList();
    renderer.render(
        response,
        200,
        "account.jte",
        Map.of(
            "page",
            page,
            "username",
            username,
            "factors",
            rows,
            "remainingCodes",
            service.factors().remainingRecoveryCodes(username),
            "notice",
            known.map(n -> page.msg("account.notice." + n)).orElse(""),
            "noticeIsRefusal",
            known.filter(REFUSALS::contains).isPresent()));
  }

  private void regenerateCodes(Change change) throws IOException {
    List<String> codes =
        service.factors().regenerateRecoveryCodes(change.user().username(), change.client());
    showCodes(change, codes);
  }

  // ---- a further authenticator app

  private static String nickname(FormInput input) {
    return input
        .optional("nickname", FormInput.NICKNAME_MAX)
        .map(String::strip)
        .filter(n -> !n.isEmpty())
        .orElse(SecondFactors.DEFAULT_TOTP_NICKNAME);
  }

  private void startTotp(Change change, String nickname, boolean wrongCode) throws IOException {
    TotpEnrolment enrolment =
        service.factors().startTotpEnrolment(change.user().username(), nickname, change.client());
    renderer.render(
        change.response(),
        200,
        "enrol-totp.jte",
        Map.of(
            "page",
            change.page(),
            "enrolment",
            enrolment,
            "wrongCode",
            wrongCode,
            "action",
            FINISH_TOTP));
  }

  private void finishTotp(Change change) throws IOException {
    UUID credential = change.input().uuid("credential");
    String code = change.input().optional("code", FormInput.CODE_MAX).orElse("");
    EnrolmentCheck check =
        service
            .factors()
            .finishTotpEnrolment(change.user().username(), credential, code, change.client());
    if (check instanceof EnrolmentCheck.Enrolled enrolled) {
      added(change, enrolled);
    } else {
      // As at the login: the secret was shown once, so a wrong first code starts over.
      startTotp(change, nickname(change.input()), true);
    }
  }

  // ---- a further security key

  /** {@code error}: the message key of the error above the form, or {@link #NO_ERROR}. */
  private void startKey(Change change, String error) throws IOException {
    String options =
        service
            .factors()
            .startSecurityKeyRegistration(
                change.user().username(), change.user().ceremonyId(), change.client());
    renderer.render(
        change.response(),
        200,
        "enrol-key.jte",
        Map.of("page", change.page(), "options", options, "error", error, "action", FINISH_KEY));
  }

  private void finishKey(Change change) throws IOException {
    String credential = change.input().optional("credential", FormInput.JSON_MAX).orElse("");
    String nickname = change.input().required("nickname", FormInput.NICKNAME_MAX).strip();
    EnrolmentCheck check =
        service
            .factors()
            .finishSecurityKeyRegistration(
                change.user().username(),
                change.user().ceremonyId(),
                credential,
                nickname,
                change.client());
    if (check instanceof EnrolmentCheck.Enrolled enrolled) {
      added(change, enrolled);
    } else if (check instanceof EnrolmentCheck.KeyNotAllowed) {
      startKey(change, "key.notAllowed");
    } else {
      startKey(change, "webauthn.failed");
    }
  }

  /** A user who had no recovery codes left gets a first set with the new factor: shown once. */
  private void added(Change change, EnrolmentCheck.Enrolled enrolled) throws IOException {
    if (enrolled.firstRecoveryCodes().isEmpty()) {
      redirect(change.response(), change.page().base() + PATH + "?notice=added");
    } else {
      showCodes(change, enrolled.firstRecoveryCodes());
    }
  }

  private void showCodes(Change change, List<String> codes) throws IOException {
    renderer.render(
        change.response(), 200, "account-codes.jte", Map.of("page", change.page(), "codes", codes));
  }

  // ---- removal

  private void remove(Change change) throws IOException {
    FactorType type = removableType(change.input().required("type", 16));
    UUID id = change.input().uuid("factor");
    FactorRemoval removal =
        service.factors().removeOwnFactor(change.user().username(), type, id, change.client());
    String notice;
    if (removal instanceof FactorRemoval.Removed) {
      notice = "removed";
    } else if (removal instanceof FactorRemoval.LastActiveFactor) {
      notice = "kept";
    } else {
      notice = "notfound";
    }
    redirect(change.response(), change.page().base() + PATH + "?notice=" + notice);
  }

  private static FactorType removableType(String value) {
    return switch (value) {
      case "TOTP" -> FactorType.TOTP;
      case "WEBAUTHN" -> FactorType.WEBAUTHN;
      default -> throw new BadRequestException("type", "not a removable factor type");
    };
  }

  private static void redirect(HttpServletResponse response, String location) {
    SignedInGate.redirect(response, location);
  }
}
