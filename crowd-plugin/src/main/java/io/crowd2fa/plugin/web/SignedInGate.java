package io.crowd2fa.plugin.web;

import io.crowd2fa.plugin.assertion.AssertionIssuer;
import io.crowd2fa.plugin.assertion.AssertionReader;
import io.crowd2fa.plugin.login.AccountAccess.Access;
import io.crowd2fa.plugin.login.ClientInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The door of the pages for signed-in users (account, help desk): who the browser's cookies say is
 * signed in, and where to send a browser that is not, or whose second factor must be repeated.
 */
final class SignedInGate {

  private final ServiceAssembly service;

  SignedInGate(ServiceAssembly service) {
    this.service = service;
  }

  /** The signed-in user, or empty after redirecting to the login or step-up page. */
  Optional<Access.SignedIn> admit(
      HttpServletRequest request,
      HttpServletResponse response,
      PageChrome page,
      ClientInfo client,
      String path) {
    Optional<String> token = BrowserCookies.read(request, service.crowdCookie().name(), 256);
    Optional<String> assertion =
        BrowserCookies.read(request, AssertionIssuer.COOKIE_NAME, AssertionReader.MAX_LENGTH);
    Access access = service.accountAccess().check(token, assertion, client);
    if (access instanceof Access.SignedIn signedIn) {
      return Optional.of(signedIn);
    }
    redirect(
        response,
        access instanceof Access.NotSignedIn ? page.base() + "/login" : verifyUrl(page, path));
    return Optional.empty();
  }

  /** The step-up page, coming back to {@code path} of this service afterwards. */
  String verifyUrl(PageChrome page, String path) {
    String back = service.config().serviceBaseUrl().toString().replaceAll("/+$", "") + path;
    return page.base()
        + "/verify?os_destination="
        + URLEncoder.encode(back, StandardCharsets.UTF_8);
  }

  static void redirect(HttpServletResponse response, String location) {
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", location);
  }
}
