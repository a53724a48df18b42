package io.crowd2fa.plugin.web;

import io.crowd2fa.crowd.Password;
import io.crowd2fa.crowd.SsoToken;
import io.crowd2fa.model.assertion.AuthMethod;
import io.crowd2fa.plugin.assertion.AssertionIssuer;
import io.crowd2fa.plugin.assertion.AssertionReader;
import io.crowd2fa.plugin.login.ClientInfo;
import io.crowd2fa.plugin.login.LoginAudit;
import io.crowd2fa.plugin.login.LoginFlow;
import io.crowd2fa.plugin.login.LoginOutcome;
import io.crowd2fa.plugin.login.LoginStage;
import io.crowd2fa.plugin.login.LoginTransaction;
import io.crowd2fa.plugin.policy.FactorType;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

/** The pages of the login, step-up, enrolment and logout flows. */
final class LoginPages {

  private static final String DESTINATION = "os_destination";
  private static final String NO_ERROR = "";
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private final ServiceAssembly service;
  private final PageRenderer renderer;
  private final BrowserCookies cookies;

  LoginPages(ServiceAssembly service, PageRenderer renderer, BrowserCookies cookies) {
    this.service = service;
    this.renderer = renderer;
    this.cookies = cookies;
  }

  /** Handles {@code path}; false when no page lives there. */
  boolean handle(
      boolean post,
      String path,
      HttpServletRequest request,
      HttpServletResponse response,
      PageChrome page,
      ClientInfo client)
      throws IOException {
    FormInput input = new FormInput(request);
    Web web = new Web(request, response, page, client, input);
    switch (path) {
      case "/", "/landing" -> notice(web, 200, "landing");
      case "/signed-out" -> notice(web, 200, "signedout");
      case "/login" -> {
        if (post) {
          submitPassword(web);
        } else {
          loginForm(web, 200, "", destination(web).map(URI::toString).orElse(""));
        }
      }
      case "/challenge" -> {
        if (post) {
          submitCode(web);
        } else {
          challenge(web, false);
        }
      }
      case "/enrol" -> enrolChoice(web);
      case "/enrol/totp" ->
          requirePost(
              post,
              () -> outcome(web, service.loginFlow().startTotpEnrolment(handle(web), client)));
      case "/enrol/totp/finish" -> requirePost(post, () -> finishTotp(web));
      case "/enrol/key" -> requirePost(post, () -> startKey(web, NO_ERROR));
      case "/enrol/key/finish" -> requirePost(post, () -> finishKey(web));
      case "/enrol/codes" -> requirePost(post, () -> confirmCodes(web));
      case "/enrol/skip" ->
          requirePost(
              post,
              () ->
                  outcome(
                      web, service.loginFlow().skipEnrolment(handle(web), client, heldToken(web))));
      case "/verify" -> stepUp(web);
      case "/logout" -> logout(web);
      default -> {
        return false;
      }
    }
    return true;
  }

  private record Web(
      HttpServletRequest request,
      HttpServletResponse response,
      PageChrome page,
      ClientInfo client,
      FormInput input) {}

  @FunctionalInterface
  private interface Action {
    void run() throws IOException;
  }

  private static void requirePost(boolean post, Action action) throws IOException {
    if (!post) {
      throw new BadRequestException("method", "this step accepts only POST");
    }
    action.run();
  }

  // ---- password step

  private void submitPassword(Web web) throws IOException {
    String username = web.input().required("os_username", FormInput.USERNAME_MAX);
    String password = web.input().required("os_password", FormInput.PASSWORD_MAX);
    Optional<URI> destination = destination(web);
    service.crowdCookie(); // known before anything is issued, so completion cannot fail half-way
    LoginOutcome outcome =
        service
            .loginFlow()
            .submitPassword(
                username, new Password(password), destination, web.client(), heldToken(web));
    if (outcome instanceof LoginOutcome.InvalidCredentials) {
      loginForm(
          web,
          200,
          web.page().msg("login.invalid"),
          destination.map(URI::toString).orElse(""),
          username);
    } else if (outcome instanceof LoginOutcome.Throttled) {
      loginForm(
          web,
          429,
          web.page().msg("login.throttled"),
          destination.map(URI::toString).orElse(""),
          username);
    } else {
      outcome(web, outcome);
    }
  }

  private void loginForm(Web web, int status, String error, String destination) throws IOException {
    loginForm(web, status, error, destination, "");
  }

  private void loginForm(Web web, int status, String error, String destination, String username)
      throws IOException {
    renderer.render(
        web.response(),
        status,
        "login.jte",
        Map.of(
            "page", web.page(), "username", username, "destination", destination, "error", error));
  }

  // ---- second factor

  private void challenge(Web web, boolean wrongCode) throws IOException {
    Optional<LoginTransaction> tx =
        service.loginFlow().live(handle(web), LoginFlow.CHALLENGE_STAGES);
    if (tx.isEmpty()) {
      service
          .audit()
          .failure(LoginAudit.STEP_REJECTED, null, web.client(), "challenge without a live login");
      loginForm(web, 200, web.page().msg("login.expired"), "");
      return;
    }
    List<String> offered = offeredMethods(tx.get());
    String wanted = web.input().optional("method", 8).orElse("");
    String method =
        offered.contains(wanted)
            ? wanted
            : service
                .factors()
                .lastUsedMethod(tx.get().username())
                .map(AuthMethod::claimValue)
                .filter(offered::contains)
                .orElse(offered.get(0));
    String options = "";
    if (method.equals(AuthMethod.HARDWARE_KEY.claimValue())) {
      Optional<String> started = service.loginFlow().startSecurityKey(handle(web), web.client());
      if (started.isEmpty()) {
        offered.remove(method);
        method = offered.get(0);
      } else {
        options = started.get();
      }
    }
    List<String> others = new ArrayList<>(offered);
    others.remove(method);
    renderer.render(
        web.response(),
        200,
        "challenge.jte",
        Map.of(
            "page",
            web.page(),
            "view",
            new ChallengeView(
                tx.get().username(),
                method,
                others,
                wrongCode,
                options,
                tx.get().stage().provesBeforeEnrolment())));
  }

  private List<String> offeredMethods(LoginTransaction tx) {
    Set<FactorType> enrolled = service.factors().enrolledFactors(tx.username());
    List<String> methods = new ArrayList<>();
    if (enrolled.contains(FactorType.TOTP) && tx.mayProveWith(FactorType.TOTP)) {
      methods.add(AuthMethod.OTP.claimValue());
    }
    if (enrolled.contains(FactorType.WEBAUTHN) && tx.mayProveWith(FactorType.WEBAUTHN)) {
      methods.add(AuthMethod.HARDWARE_KEY.claimValue());
    }
    methods.add(AuthMethod.RECOVERY_CODE.claimValue());
    return methods;
  }

  private void submitCode(Web web) throws IOException {
    String method = web.input().required("method", 8);
    AuthMethod chosen =
        switch (method) {
          case "otp" -> AuthMethod.OTP;
          case "rc" -> AuthMethod.RECOVERY_CODE;
          case "hwk" -> AuthMethod.HARDWARE_KEY;
          default -> throw new BadRequestException("method", "unknown method");
        };
    String code =
        chosen == AuthMethod.HARDWARE_KEY
            ? web.input().optional("credential", FormInput.JSON_MAX).orElse("")
            : web.input().optional("code", FormInput.CODE_MAX).orElse("");
    LoginOutcome outcome =
        service
            .loginFlow()
            .submitSecondFactor(handle(web), chosen, code, web.client(), heldToken(web));
    if (outcome instanceof LoginOutcome.WrongCode) {
      challenge(web, true);
    } else {
      outcome(web, outcome);
    }
  }

  // ---- enrolment

  private void enrolChoice(Web web) throws IOException {
    Optional<LoginTransaction> tx =
        service
            .loginFlow()
            .live(handle(web), Set.of(LoginStage.ENROL_REQUIRED, LoginStage.ENROL_OPTIONAL));
    if (tx.isEmpty()) {
      service
          .audit()
          .failure(LoginAudit.STEP_REJECTED, null, web.client(), "enrol without a live login");
      loginForm(web, 200, web.page().msg("login.expired"), "");
      return;
    }
    renderer.render(
        web.response(),
        200,
        "enrol.jte",
        Map.of(
            "page", web.page(),
            "totpAllowed", tx.get().allowedFactors().contains(FactorType.TOTP),
            "keyAllowed", tx.get().allowedFactors().contains(FactorType.WEBAUTHN),
            "maySkip", tx.get().stage() == LoginStage.ENROL_OPTIONAL));
  }

  private void finishTotp(Web web) throws IOException {
    UUID credential = web.input().uuid("credential");
    String code = web.input().optional("code", FormInput.CODE_MAX).orElse("");
    LoginOutcome outcome =
        service
            .loginFlow()
            .finishTotpEnrolment(handle(web), credential, code, web.client(), heldToken(web));
    if (outcome instanceof LoginOutcome.WrongCode) {
      // The secret was shown once; a wrong first code starts enrolment over with a new secret.
      outcome(web, service.loginFlow().startTotpEnrolment(handle(web), web.client()), true);
    } else {
      outcome(web, outcome);
    }
  }

  /** {@code error}: the message key of the error above the form, or {@link #NO_ERROR}. */
  private void startKey(Web web, String error) throws IOException {
    Optional<String> options =
        service.loginFlow().startSecurityKeyEnrolment(handle(web), web.client());
    if (options.isEmpty()) {
      outcome(web, new LoginOutcome.NoLogin());
      return;
    }
    renderer.render(
        web.response(),
        200,
        "enrol-key.jte",
        Map.of(
            "page",
            web.page(),
            "options",
            options.get(),
            "error",
            error,
            "action",
            "/enrol/key/finish"));
  }

  private void finishKey(Web web) throws IOException {
    String credential = web.input().optional("credential", FormInput.JSON_MAX).orElse("");
    String nickname = web.input().required("nickname", FormInput.NICKNAME_MAX).trim();
    LoginOutcome outcome =
        service
            .loginFlow()
            .finishSecurityKeyEnrolment(
                handle(web), credential, nickname, web.client(), heldToken(web));
    if (outcome instanceof LoginOutcome.WrongCode) {
      startKey(web, "webauthn.failed");
    } else if (outcome instanceof LoginOutcome.KeyNotAllowed) {
      startKey(web, "key.notAllowed");
    } else {
      outcome(web, outcome);
    }
  }

  private void confirmCodes(Web web) throws IOException {
    if (!"yes".equals(web.input().optional("saved", 3).orElse(""))) {
      throw new BadRequestException("saved", "confirmation missing");
    }
    outcome(
        web, service.loginFlow().confirmRecoveryCodes(handle(web), web.client(), heldToken(web)));
  }

  // ---- step-up and logout

  private void stepUp(Web web) throws IOException {
    Optional<URI> destination = destination(web);
    LoginOutcome outcome =
        service
            .stepUpFlow()
            .start(
                heldToken(web),
                BrowserCookies.read(
                    web.request(), AssertionIssuer.COOKIE_NAME, AssertionReader.MAX_LENGTH),
                destination,
                web.client());
    outcome(web, outcome);
  }

  private void logout(Web web) throws IOException {
    Optional<URI> destination = destination(web);
    Optional<String> token = heldToken(web);
    token.ifPresent(t -> service.crowd().invalidateSession(new SsoToken(t)));
    cookies.clearGrant(web.response(), service.crowdCookie());
    cookies.clearLoginHandle(web.response(), web.page().base());
    HttpSession session = web.request().getSession(false);
    if (session != null) {
      session.invalidate();
    }
    service
        .audit()
        .success(
            LoginAudit.LOGOUT, null, web.client(), token.isPresent() ? "token ended" : "no token");
    redirect(web, destination.map(URI::toString).orElse(web.page().base() + "/signed-out"));
  }

  // ---- outcomes

  private void outcome(Web web, LoginOutcome outcome) throws IOException {
    outcome(web, outcome, false);
  }

  private void outcome(Web web, LoginOutcome outcome, boolean wrongCode) throws IOException {
    String base = web.page().base();
    if (outcome instanceof LoginOutcome.Proceed proceed) {
      cookies.setLoginHandle(web.response(), base, proceed.handle());
      redirect(web, base + (proceed.stage().asksForSecondFactor() ? "/challenge" : "/enrol"));
    } else if (outcome instanceof LoginOutcome.Completed completed) {
      complete(web, completed);
    } else if (outcome instanceof LoginOutcome.Denied denied) {
      cookies.clearLoginHandle(web.response(), base);
      denied(web, denied.reason());
    } else if (outcome instanceof LoginOutcome.LockedOut locked) {
      String body =
          locked
              .until()
              .map(until -> web.page().msg("lockout.until", TIME.format(until)))
              .orElse(web.page().msg("lockout.admin"));
      renderer.render(
          web.response(),
          429,
          "notice.jte",
          Map.of(
              "page",
              web.page(),
              "title",
              web.page().msg("lockout.title"),
              "body",
              body,
              "linkHref",
              "",
              "linkText",
              ""));
    } else if (outcome instanceof LoginOutcome.EnrolTotp enrol) {
      renderer.render(
          web.response(),
          200,
          "enrol-totp.jte",
          Map.of(
              "page",
              web.page(),
              "enrolment",
              enrol.enrolment(),
              "wrongCode",
              wrongCode,
              "action",
              "/enrol/totp/finish"));
    } else if (outcome instanceof LoginOutcome.RecoveryCodes codes) {
      renderer.render(
          web.response(),
          200,
          "recovery-codes.jte",
          Map.of(
              "page", web.page(),
              "codes", codes.codes(),
              "downloadHref", downloadHref(web, codes.codes())));
    } else if (outcome instanceof LoginOutcome.FullLoginNeeded full) {
      redirect(
          web,
          base
              + "/login"
              + full.destination()
                  .map(
                      d ->
                          "?"
                              + DESTINATION
                              + "="
                              + URLEncoder.encode(d.toString(), StandardCharsets.UTF_8))
                  .orElse(""));
    } else {
      // NoLogin, WrongCode outside a page that handles it: start again without saying why.
      cookies.clearLoginHandle(web.response(), base);
      loginForm(web, 200, web.page().msg("login.expired"), "");
    }
  }

  private void complete(Web web, LoginOutcome.Completed completed) throws IOException {
    HttpSession session = web.request().getSession(false);
    if (session != null) {
      web.request().changeSessionId();
    }
    cookies.setGrant(web.response(), service.crowdCookie(), completed.grant());
    cookies.clearLoginHandle(web.response(), web.page().base());
    redirect(
        web, completed.destination().map(URI::toString).orElse(web.page().base() + "/landing"));
  }

  private static String downloadHref(Web web, List<String> codes) {
    StringBuilder text = new StringBuilder(web.page().msg("codes.file.header")).append("\r\n\r\n");
    codes.forEach(c -> text.append(c).append("\r\n"));
    return "data:text/plain;charset=utf-8,"
        + URLEncoder.encode(text.toString(), StandardCharsets.UTF_8).replace("+", "%20");
  }

  private void notice(Web web, int status, String key) throws IOException {
    Map<String, Object> params = new HashMap<>();
    params.put("page", web.page());
    params.put("title", web.page().msg(key + ".title"));
    params.put("body", web.page().msg(key + ".body"));
    boolean again = "signedout".equals(key);
    params.put("linkHref", again ? web.page().base() + "/login" : "");
    params.put("linkText", again ? web.page().msg("signedout.again") : "");
    renderer.render(web.response(), status, "notice.jte", params);
  }

  /** The rule's reason is administrator text, escaped by the template like any other value. */
  private void denied(Web web, Optional<String> reason) throws IOException {
    Map<String, Object> params = new HashMap<>();
    params.put("page", web.page());
    params.put("title", web.page().msg("denied.title"));
    params.put("body", web.page().msg("denied.body"));
    params.put("linkHref", "");
    params.put("linkText", "");
    params.put("detail", reason.map(r -> web.page().msg("denied.reason", r)).orElse(""));
    renderer.render(web.response(), 403, "notice.jte", params);
  }

  private static void redirect(Web web, String location) {
    web.response().setStatus(HttpServletResponse.SC_SEE_OTHER);
    web.response().setHeader("Location", location);
  }

  private Optional<URI> destination(Web web) {
    Optional<String> raw = web.input().optional(DESTINATION, DestinationPolicy.MAX_LENGTH + 1);
    if (raw.isEmpty() || raw.get().isEmpty()) {
      return Optional.empty();
    }
    Optional<URI> allowed = service.destinations().allowed(raw.get());
    if (allowed.isEmpty()) {
      service
          .audit()
          .failure(
              LoginAudit.REDIRECT_REFUSED, null, web.client(), "destination not under a product");
    }
    return allowed;
  }

  private static String handle(Web web) {
    return BrowserCookies.read(web.request(), BrowserCookies.LOGIN_COOKIE, 64).orElse("");
  }

  private Optional<String> heldToken(Web web) {
    return BrowserCookies.read(web.request(), service.crowdCookie().name(), 256);
  }
}
