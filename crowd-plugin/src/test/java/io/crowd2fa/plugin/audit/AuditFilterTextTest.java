package io.crowd2fa.plugin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The search form as an admin fills it in: empty fields are no filter, and every mistake names its
 * field instead of turning into a search that silently finds nothing.
 */
class AuditFilterTextTest {

  static final Set<AuditEventType> KNOWN =
      Set.of(AuditEventType.LOCKOUT, AuditEventType.ADMIN_RESET);

  private static AuditSearchParse parse(
      String username,
      String type,
      String outcome,
      String client,
      String from,
      String to,
      String before) {
    return new AuditFilterText(username, type, outcome, client, from, to, before)
        .parse(KNOWN, AuditSearch.PAGE_SIZE);
  }

  private static AuditSearch valid(AuditSearchParse parsed) {
    assertThat(parsed).isInstanceOf(AuditSearchParse.Valid.class);
    return ((AuditSearchParse.Valid) parsed).search();
  }

  @Test
  void anEmptyFormSearchesEverythingOnePageAtATime() {
    AuditSearch search = valid(parse(null, "", " ", "", "", "", ""));

    assertThat(search).isEqualTo(AuditSearch.everything());
  }

  @Test
  void everyFieldBecomesItsFilter() {
    AuditSearch search =
        valid(
            parse(
                " alice ",
                "lockout",
                "failure",
                "10.0.0.1",
                "2026-11-01T08:00:00Z",
                "2026-11-28",
                "1764316800000000-42"));

    assertThat(search.username()).isEqualTo("alice");
    assertThat(search.type()).isEqualTo(AuditEventType.LOCKOUT);
    assertThat(search.outcome()).isEqualTo(AuditOutcome.FAILURE);
    assertThat(search.clientAddress()).isEqualTo("10.0.0.1");
    assertThat(search.from()).isEqualTo(Instant.parse("2026-11-01T08:00:00Z"));
    assertThat(search.to()).isEqualTo(Instant.parse("2026-11-28T23:59:59.999999Z"));
    assertThat(search.before())
        .isEqualTo(new AuditCursor(Instant.parse("2025-11-28T08:00:00Z"), 42));
  }

  @Test
  void aDateAsFromMeansItsStartAndTheSameDateAsToMeansThatWholeDay() {
    AuditSearch search = valid(parse("", "", "", "", "2026-11-28", "2026-11-28", ""));

    assertThat(search.from()).isEqualTo(Instant.parse("2026-11-28T00:00:00Z"));
    assertThat(search.to()).isEqualTo(Instant.parse("2026-11-28T23:59:59.999999Z"));
  }

  @Test
  void anIpv6ClientAddressIsAccepted() {
    assertThat(valid(parse("", "", "", "0:0:0:0:0:0:0:1", "", "", "")).clientAddress())
        .isEqualTo("0:0:0:0:0:0:0:1");
  }

  @ParameterizedTest(name = "{0}={1} is refused: {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "type     | NO_SUCH_EVENT                           | is not one of the service's event types",
        "type     | LOCKOUT' OR '1'='1                      | is not one of the service's event types",
        "outcome  | MAYBE                                   | must be SUCCESS or FAILURE",
        "client   | 10.0.0.1' OR '1'='1                     | is not an IP address",
        "from     | yesterday                               | is not an ISO-8601 time",
        "from     | 2026-13-01                              | is not an ISO-8601 time",
        "to       | 2026-11-28 10:00                        | is not an ISO-8601 time",
        "from     | 1969-12-31                              | is outside",
        "to       | +10000-01-01T00:00:00Z                  | is outside",
        "before   | abc                                     | is not a page position",
        "before   | 1764316800000000-0                      | is not a page position",
        "before   | -1-5                                    | is not a page position",
        "before   | 1764316800000000-5-5                    | is not a page position",
        "before   | 1764316800000000-9999999999999999999    | is not a page position",
        "before   | 1764316800000000 -5                     | is not a page position",
      })
  void aMalformedFieldIsNamedWithTheReason(String field, String value, String reason) {
    AuditSearchParse parsed = switchField(field, value);

    assertThat(parsed).isInstanceOf(AuditSearchParse.Invalid.class);
    AuditSearchParse.Invalid invalid = (AuditSearchParse.Invalid) parsed;
    assertThat(invalid.field()).isEqualTo(field);
    assertThat(invalid.reason()).startsWith(reason).doesNotContain(value);
  }

  private static AuditSearchParse switchField(String field, String value) {
    return switch (field) {
      case "type" -> parse("", value, "", "", "", "", "");
      case "outcome" -> parse("", "", value, "", "", "", "");
      case "client" -> parse("", "", "", value, "", "", "");
      case "from" -> parse("", "", "", "", value, "", "");
      case "to" -> parse("", "", "", "", "", value, "");
      case "before" -> parse("", "", "", "", "", "", value);
      default -> throw new IllegalArgumentException(field);
    };
  }

  @Test
  void fromAfterToIsRefusedButAnEqualRangeIsOne() {
    AuditSearchParse reversed = parse("", "", "", "", "2026-11-29", "2026-11-28", "");
    AuditSearchParse equal =
        parse("", "", "", "", "2026-11-28T10:00:00Z", "2026-11-28T10:00:00Z", "");

    assertThat(reversed).isEqualTo(new AuditSearchParse.Invalid("to", "is before from"));
    assertThat(valid(equal).from()).isEqualTo(valid(equal).to());
  }

  @Test
  void aUsernameLongerThanCrowdAllowsIsRefusedAndOneAtTheLimitIsSearched() {
    assertThat(parse("u".repeat(256), "", "", "", "", "", ""))
        .isInstanceOf(AuditSearchParse.Invalid.class)
        .extracting("field")
        .isEqualTo("username");
    assertThat(valid(parse("u".repeat(255), "", "", "", "", "", "")).username()).hasSize(255);
  }

  @Test
  void aCursorTokenReadsBackAsTheSameCursor() {
    AuditCursor cursor = new AuditCursor(Instant.parse("2026-11-28T10:00:00.123456Z"), 7);

    assertThat(cursor.token()).isEqualTo("1795860000123456-7");
    assertThat(AuditCursor.parse(cursor.token())).contains(cursor);
  }
}
