package io.crowd2fa.plugin.web;

import io.crowd2fa.crowd.CrowdException;
import io.crowd2fa.crowd.ValidationFactors;
import io.crowd2fa.plugin.engine.EngineFault;
import io.crowd2fa.plugin.login.ClientInfo;
import io.crowd2fa.plugin.login.LoginAudit;
import java.io.IOException;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches on the container-normalised path inside the servlet ({@code getPathInfo()}), applies
 * the security headers and the CSRF check to every request, and turns faults into plain pages: 400
 * for bad input, 403 for a missing CSRF token, 503 when Crowd or the database is unreachable.
 */
public final class WebRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(WebRoutes.class);

  private final ServiceAssembly service;
  private final SecurityHeaders headers;
  private final CsrfGuard csrf;
  private final PageRenderer renderer;
  private final LoginPages loginPages;
  private final PublicEndpoints endpoints;
  private final AccountPages accountPages;
  private final AdminPages adminPages;

  public WebRoutes(ServiceAssembly service) {
    this.service = service;
    this.headers = new SecurityHeaders(service.config().allowedDestinations());
    CookieWriter writer = new CookieWriter(service.config().isHttps());
    this.csrf = new CsrfGuard(service.random(), writer, service.config().servicePath());
    this.renderer = new PageRenderer();
    BrowserCookies cookies = new BrowserCookies(writer, service.config().cookieDomain());
    this.loginPages = new LoginPages(service, renderer, cookies);
    this.endpoints = new PublicEndpoints(service);
    this.accountPages = new AccountPages(service, renderer);
    this.adminPages = new AdminPages(service, renderer);
  }

  public void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
    headers.apply(response);
    String base = request.getContextPath() + request.getServletPath();
    String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
    ClientInfo client = client(request);
    Messages messages = Messages.forLocale(request.getLocale());
    try {
      if (!"GET".equals(request.getMethod()) && !"POST".equals(request.getMethod())) {
        response.setHeader("Allow", "GET, POST");
        response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        return;
      }
      boolean post = "POST".equals(request.getMethod());
      if (endpoints.handles(path)) {
        endpoints.handle(path, request, response);
        return;
      }
      PageChrome page = new PageChrome(messages, base, csrf.tokenFor(request, response));
      if (post && !csrf.accepts(request)) {
        service.audit().failure(LoginAudit.CSRF_REJECTED, null, client, "POST " + path);
        notice(response, page, HttpServletResponse.SC_FORBIDDEN, "forbidden", null);
        return;
      }
      if (!loginPages.handle(post, path, request, response, page, client)
          && !accountPages.handle(post, path, request, response, page, client)
          && !adminPages.handle(post, path, request, response, page, client)) {
        notice(response, page, HttpServletResponse.SC_NOT_FOUND, "notfound", null);
      }
    } catch (BadRequestException e) {
      service.audit().failure(LoginAudit.BAD_REQUEST, null, client, "field " + e.field());
      plainPage(response, messages, base, HttpServletResponse.SC_BAD_REQUEST, "badrequest");
    } catch (CrowdException | EngineFault e) {
      // Fail closed (DESIGN D5): nothing was issued; the operator finds the cause in the log.
      LOG.error("login step failed closed on {}: {}", path, e.toString(), e);
      plainPage(
          response, messages, base, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "unavailable");
      auditUnavailable(client, path, e);
    } catch (RuntimeException e) {
      // A bug, not the user's doing: a plain page, never a stack trace; details in the log.
      LOG.error("unexpected failure on {}", path, e);
      plainPage(response, messages, base, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "error");
    }
  }

  private void auditUnavailable(ClientInfo client, String path, RuntimeException cause) {
    try {
      service
          .audit()
          .failure(
              LoginAudit.SERVICE_UNAVAILABLE,
              null,
              client,
              path + ": " + cause.getClass().getSimpleName());
    } catch (EngineFault auditDown) {
      // The database itself is down: the event goes to the log instead.
      LOG.error("audit unavailable while failing closed on {}", path, auditDown);
    }
  }

  private void plainPage(
      HttpServletResponse response, Messages messages, String base, int status, String key)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    notice(response, new PageChrome(messages, base, ""), status, key, null);
  }

  private void notice(
      HttpServletResponse response, PageChrome page, int status, String key, String linkHref)
      throws IOException {
    renderer.render(
        response,
        status,
        "notice.jte",
        Map.of(
            "page",
            page,
            "title",
            page.msg(key + ".title"),
            "body",
            page.msg(key + ".body"),
            "linkHref",
            linkHref == null ? "" : linkHref,
            "linkText",
            ""));
  }

  static ClientInfo client(HttpServletRequest request) {
    String userAgent = request.getHeader("User-Agent");
    return new ClientInfo(
        request.getRemoteAddr(),
        userAgent,
        ValidationFactors.fromRequest(
            request.getRemoteAddr(), request.getHeader("X-Forwarded-For")));
  }
}
