package io.crowd2fa.plugin.web;

import io.crowd2fa.plugin.audit.AuditEvent;
import io.crowd2fa.plugin.audit.AuditEventType;
import io.crowd2fa.plugin.audit.AuditFilterText;
import io.crowd2fa.plugin.audit.AuditOutcome;
import io.crowd2fa.plugin.audit.AuditSearch;
import io.crowd2fa.plugin.audit.AuditSearchPage;
import io.crowd2fa.plugin.audit.AuditSearchParse;
import io.crowd2fa.plugin.login.AuditEventCatalogue;
import io.crowd2fa.plugin.login.ClientInfo;
import io.crowd2fa.plugin.login.LoginAudit;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.servlet.http.HttpServletResponse;

/**
 * The help desk's audit search ({@code /admin/events}): every user's events, filtered, newest
 * first, {@value AuditSearch#PAGE_SIZE} a page. Read-only, so GET only; the caller has already
 * admitted an admin. Each search that runs is audited once; a search that is refused as malformed
 * is audited as a bad request instead, and nothing is read.
 */
final class AdminEventsPage {

  static final String PATH = AdminPages.PATH + "/events";

  /**
   * Generous enough that every over-long value below it gets the form's own, clearer message; past
   * it the request is plainly not from the form.
   */
  private static final int RAW_MAX = 1024;

  private static final Set<AuditEventType> KNOWN = Set.copyOf(AuditEventCatalogue.all());
  private static final List<String> TYPE_NAMES =
      AuditEventCatalogue.all().stream().map(AuditEventType::name).toList();
  private static final List<String> OUTCOMES =
      Arrays.stream(AuditOutcome.values()).map(Enum::name).toList();

  private final ServiceAssembly service;
  private final PageRenderer renderer;

  AdminEventsPage(ServiceAssembly service, PageRenderer renderer) {
    this.service = service;
    this.renderer = renderer;
  }

  void show(
      HttpServletResponse response,
      PageChrome page,
      String admin,
      FormInput input,
      ClientInfo client)
      throws IOException {
    AuditFilterText filter =
        new AuditFilterText(
            raw(input, "username"),
            raw(input, "type"),
            raw(input, "outcome"),
            raw(input, "client"),
            raw(input, "from"),
            raw(input, "to"),
            raw(input, "before"));
    AuditSearchParse parsed = filter.parse(KNOWN, AuditSearch.PAGE_SIZE);
    if (parsed instanceof AuditSearchParse.Invalid invalid) {
      service
          .audit()
          .failure(
              LoginAudit.BAD_REQUEST,
              admin,
              client,
              PATH + " field " + invalid.field() + " " + invalid.reason());
      String error =
          page.msg("events.error", page.msg("events.field." + invalid.field()), invalid.reason());
      render(response, 400, page, filter, error, List.of(), "");
      return;
    }
    AuditSearch search = ((AuditSearchParse.Valid) parsed).search();
    AuditSearchPage found = service.helpDesk().searchEvents(search, admin, client);
    String next =
        found
            .nextPage()
            .map(cursor -> page.base() + PATH + "?" + query(filter, cursor.token()))
            .orElse("");
    render(response, 200, page, filter, "", rows(found.events()), next);
  }

  private void render(
      HttpServletResponse response,
      int status,
      PageChrome page,
      AuditFilterText filter,
      String error,
      List<AuditRow> rows,
      String next)
      throws IOException {
    Map<String, Object> params = new HashMap<>();
    params.put("page", page);
    params.put("filter", filter);
    params.put("types", TYPE_NAMES);
    params.put("outcomes", OUTCOMES);
    params.put("error", error);
    params.put("searched", error.isEmpty());
    params.put("rows", rows);
    params.put("next", next);
    renderer.render(response, status, "admin-events.jte", params);
  }

  /** The same filters with the next page's position: the link walks on through one result set. */
  private static String query(AuditFilterText filter, String before) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("username", filter.username());
    fields.put("type", filter.type());
    fields.put("outcome", filter.outcome());
    fields.put("client", filter.client());
    fields.put("from", filter.from());
    fields.put("to", filter.to());
    fields.put("before", before);
    return fields.entrySet().stream()
        .filter(field -> !field.getValue().isEmpty())
        .map(
            field ->
                field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static List<AuditRow> rows(List<AuditEvent> events) {
    return events.stream().map(AuditRow::of).toList();
  }

  private static String raw(FormInput input, String name) {
    return input.optional(name, RAW_MAX).orElse("");
  }
}
