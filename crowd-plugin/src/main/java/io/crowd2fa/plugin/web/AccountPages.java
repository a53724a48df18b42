package io.crowd2fa.plugin.web;

import io.crowd2fa.plugin.assertion.AssertionIssuer;
import io.crowd2fa.plugin.assertion.AssertionReader;
import io.crowd2fa.plugin.engine.EnrolledFactor;
import io.crowd2fa.plugin.login.AccountAccess.Access;
import io.crowd2fa.plugin.login.ClientInfo;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The self-service page of a signed-in user ({@code /account}): their factors and how many recovery
 * codes are left, and new recovery codes after a recent second factor. The CSRF check of every POST
 * is done by {@link WebRoutes} before this class sees the request.
 */
final class AccountPages {

  static final String PATH = "/account";
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private final ServiceAssembly service;
  private final PageRenderer renderer;

  AccountPages(ServiceAssembly service, PageRenderer renderer) {
    this.service = service;
    this.renderer = renderer;
  }

  /** Whether {@code path} was an account page (and has been answered). */
  boolean handle(
      boolean post,
      String path,
      HttpServletRequest request,
      HttpServletResponse response,
      PageChrome page,
      ClientInfo client)
      throws IOException {
    if (!path.equals(PATH) && !path.equals(PATH + "/recovery-codes")) {
      return false;
    }
    Access access = access(request, client);
    if (access instanceof Access.NotSignedIn) {
      redirect(response, page.base() + "/login");
      return true;
    }
    if (!(access instanceof Access.SignedIn signedIn)) {
      redirect(response, verifyUrl(page));
      return true;
    }
    if (path.equals(PATH)) {
      if (post) {
        throw new BadRequestException("method", "the account page accepts only GET");
      }
      overview(response, page, signedIn.username());
    } else {
      if (!post) {
        throw new BadRequestException("method", "this step accepts only POST");
      }
      regenerateCodes(response, page, client, signedIn);
    }
    return true;
  }

  private Access access(HttpServletRequest request, ClientInfo client) {
    Optional<String> token = BrowserCookies.read(request, service.crowdCookie().name(), 256);
    Optional<String> assertion =
        BrowserCookies.read(request, AssertionIssuer.COOKIE_NAME, AssertionReader.MAX_LENGTH);
    return service.accountAccess().check(token, assertion, client);
  }

  private void overview(HttpServletResponse response, PageChrome page, String username)
      throws IOException {
    List<FactorRow> rows =
        service.factors().factorsOf(username).stream().map(AccountPages::row).toList();
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
            service.factors().remainingRecoveryCodes(username)));
  }

  private void regenerateCodes(
      HttpServletResponse response, PageChrome page, ClientInfo client, Access.SignedIn signedIn)
      throws IOException {
    if (!service.accountAccess().freshEnough(signedIn)) {
      redirect(response, verifyUrl(page));
      return;
    }
    List<String> codes = service.factors().regenerateRecoveryCodes(signedIn.username(), client);
    renderer.render(response, 200, "account-codes.jte", Map.of("page", page, "codes", codes));
  }

  private String verifyUrl(PageChrome page) {
    String account = service.config().serviceBaseUrl().toString().replaceAll("/+$", "") + PATH;
    return page.base()
        + "/verify?os_destination="
        + URLEncoder.encode(account, StandardCharsets.UTF_8);
  }

  private static FactorRow row(EnrolledFactor factor) {
    return new FactorRow(
        factor.type().name(),
        factor.nickname(),
        factor.status().name(),
        TIME.format(factor.createdAt()),
        factor.lastUsedAt() == null ? "" : TIME.format(factor.lastUsedAt()));
  }

  private static void redirect(HttpServletResponse response, String location) {
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", location);
  }
}
