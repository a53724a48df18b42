package io.crowd2fa.plugin.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyJsonTest {
  private final PolicyJson json = new PolicyJson();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          # document                                                                                        | offending field
          ``                                                                                                 | ``
          `[]`                                                                                               | ``
          `{"rules":[]`                                                                                      | ``
          `{"rules":[]}`                                                                                     | /defaultRule
          `{"defaultRule":{"action":"require"},"defaultRule":{"action":"exempt"}}`                           | ``
          `{"defaultRule":{"action":"require"},"colour":"red"}`                                              | /colour
          `{"defaultRule":{"action":"maybe"}}`                                                               | /defaultRule/action
          `{"defaultRule":{"action":"exempt","factors":["totp"]}}`                                           | /defaultRule/factors
          `{"defaultRule":{"action":"require","reason":"x"}}`                                                | /defaultRule/reason
          `{"defaultRule":{"action":"deny"}}`                                                                | /defaultRule/reason
          `{"defaultRule":{"action":"require","match":{"applications":["jira"]}}}`                           | /defaultRule/match
          `{"defaultRule":{"action":"require","factors":[]}}`                                                | /defaultRule/factors
          `{"defaultRule":{"action":"require","factors":["sms"]}}`                                           | /defaultRule/factors/0
          `{"defaultRule":{"action":"require","factors":"totp"}}`                                            | /defaultRule/factors
          `{"defaultRule":{"action":"require","enrolmentGrace":{"logins":0}}}`                               | /defaultRule/enrolmentGrace/logins
          `{"defaultRule":{"action":"require","enrolmentGrace":{"logins":"3"}}}`                             | /defaultRule/enrolmentGrace/logins
          `{"defaultRule":{"action":"require","enrolmentGrace":{"until":"next week"}}}`                      | /defaultRule/enrolmentGrace/until
          `{"defaultRule":{"action":"require","enrolmentGrace":{"logins":3,"until":"2027-01-01T00:00:00Z"}}}`| /defaultRule/enrolmentGrace
          `{"defaultRule":{"action":"require","enrolmentGrace":{"days":3}}}`                                 | /defaultRule/enrolmentGrace/days
          `{"rules":{},"defaultRule":{"action":"require"}}`                                                  | /rules
          `{"rules":[{"action":"exempt"}],"defaultRule":{"action":"require"}}`                               | /rules/0/name
          `{"rules":[{"name":"a b","action":"exempt"}],"defaultRule":{"action":"require"}}`                  | /rules/0/name
          `{"rules":[{"name":"a","action":"exempt"},{"name":"a","action":"deny","reason":"r"}],"defaultRule":{"action":"require"}}` | /rules/1/name
          `{"rules":[{"name":"default","action":"exempt"}],"defaultRule":{"action":"require"}}`              | /rules/0/name
          `{"rules":[{"name":"a","action":"exempt","match":{"network":["10.0.0.0/8"]}}],"defaultRule":{"action":"require"}}` | /rules/0/match/network
          `{"rules":[{"name":"a","action":"exempt","match":{"networks":[]}}],"defaultRule":{"action":"require"}}` | /rules/0/match/networks
          `{"rules":[{"name":"a","action":"exempt","match":{"networks":["10.0.0.0/8","10.0.0.1/8"]}}],"defaultRule":{"action":"require"}}` | /rules/0/match/networks/1
          `{"rules":[{"name":"a","action":"exempt","match":{"networks":["10.0.0.0/33"]}}],"defaultRule":{"action":"require"}}` | /rules/0/match/networks/0
          `{"rules":[{"name":"a","action":"exempt","match":{"networks":["2001:db8::/129"]}}],"defaultRule":{"action":"require"}}` | /rules/0/match/networks/0
          `{"rules":[{"name":"a","action":"exempt","match":{"networks":["2001:db8::1/32"]}}],"defaultRule":{"action":"require"}}` | /rules/0/match/networks/0
          `{"rules":[{"name":"a","action":"exempt","match":{"networks":["2001:db8:::/32"]}}],"defaultRule":{"action":"require"}}` | /rules/0/match/networks/0
          `{"rules":[{"name":"a","action":"exempt","match":{"networks":["intranet.example.com"]}}],"defaultRule":{"action":"require"}}` | /rules/0/match/networks/0
          `{"rules":[{"name":"a","action":"exempt","match":{"networks":["localhost/8"]}}],"defaultRule":{"action":"require"}}` | /rules/0/match/networks/0
          `{"rules":[{"name":"a","action":"exempt","match":{"networks":["10.0.0/8"]}}],"defaultRule":{"action":"require"}}` | /rules/0/match/networks/0
          `{"rules":[{"name":"a","action":"exempt","match":{"networks":["010.0.0.0/8"]}}],"defaultRule":{"action":"require"}}` | /rules/0/match/networks/0
          `{"rules":[{"name":"a","action":"exempt","match":{"networks":[10]}}],"defaultRule":{"action":"require"}}` | /rules/0/match/networks/0
          `{"rules":[{"name":"a","action":"exempt","match":{"groups":["staff"]}}],"defaultRule":{"action":"require"}}` | /rules/0/match/groups
          `{"rules":[{"name":"a","action":"exempt","match":{"groups":{"some":["staff"]}}}],"defaultRule":{"action":"require"}}` | /rules/0/match/groups/some
          `{"rules":[{"name":"a","action":"exempt","match":{"groups":{"any":["a"],"all":["b"]}}}],"defaultRule":{"action":"require"}}` | /rules/0/match/groups
          `{"rules":[{"name":"a","action":"exempt","match":{"groups":{"any":[]}}}],"defaultRule":{"action":"require"}}` | /rules/0/match/groups/any
          `{"rules":[{"name":"a","action":"exempt","match":{"directories":[""]}}],"defaultRule":{"action":"require"}}` | /rules/0/match/directories/0
          `{"rules":[{"name":"a","action":"exempt","match":{"applications":[null]}}],"defaultRule":{"action":"require"}}` | /rules/0/match/applications/0
          `{"defaultRule":{"action":"require"},"applications":{"jira":{"maxAgeSeconds":0}}}`                 | /applications/jira/maxAgeSeconds
          `{"defaultRule":{"action":"require"},"applications":{"jira":{"maxAgeSeconds":1.5}}}`               | /applications/jira/maxAgeSeconds
          `{"defaultRule":{"action":"require"},"applications":{"jira":{"maxAgeSeconds":99999999}}}`          | /applications/jira/maxAgeSeconds
          `{"defaultRule":{"action":"require"},"applications":{"jira":{"maxAge":60}}}`                       | /applications/jira/maxAge
          `{"defaultRule":{"action":"require"},"applications":{"jira":{},"JIRA":{}}}`                        | /applications/JIRA
          `{"defaultRule":{"action":"require"},"applications":{"a/b":{"foo":1}}}`                            | /applications/a~1b/foo
          `{"defaultRule":{"action":"require"},"applications":{"jira":{"paths":[{"pattern":"/secure/../admin/*","maxAgeSeconds":60}]}}}` | /applications/jira/paths/0/pattern
          `{"defaultRule":{"action":"require"},"applications":{"jira":{"paths":[{"pattern":"/secure/*/x","maxAgeSeconds":60}]}}}` | /applications/jira/paths/0/pattern
          `{"defaultRule":{"action":"require"},"applications":{"jira":{"paths":[{"pattern":"/admin;x/*","maxAgeSeconds":60}]}}}` | /applications/jira/paths/0/pattern
          `{"defaultRule":{"action":"require"},"applications":{"jira":{"paths":[{"pattern":"admin/*","maxAgeSeconds":60}]}}}` | /applications/jira/paths/0/pattern
          `{"defaultRule":{"action":"require"},"applications":{"jira":{"paths":[{"pattern":"/admin/%2e%2e/*","maxAgeSeconds":60}]}}}` | /applications/jira/paths/0/pattern
          `{"defaultRule":{"action":"require"},"applications":{"jira":{"paths":[{"pattern":"/admin/*"}]}}}`  | /applications/jira/paths/0/maxAgeSeconds
          """)
  void malformedDocumentIsRejectedNamingTheOffendingField(String document, String field) {
    PolicyParseResult result = json.parse(document);

    assertThat(result).isInstanceOf(PolicyParseResult.Invalid.class);
    PolicyParseResult.Invalid invalid = (PolicyParseResult.Invalid) result;
    assertThat(invalid.field()).isEqualTo(field == null ? "" : field);
    assertThat(invalid.message()).isNotBlank();
  }

  @Test
  void overlongDocumentIsRejectedBeforeParsing() {
    String document =
        "{\"defaultRule\":{\"action\":\"require\"}}" + " ".repeat(PolicyJson.MAX_DOCUMENT_CHARS);

    assertThat(json.parse(document)).isInstanceOf(PolicyParseResult.Invalid.class);
  }

  @Test
  void minimalDocumentRequiresEveryFactorTypeWithoutGrace() {
    PolicyDocument policy = PolicyFixtures.parsed("{\"defaultRule\":{\"action\":\"require\"}}");

    assertThat(policy).isEqualTo(PolicyDocument.requireForEveryone());
  }

  @Test
  void writtenDocumentReadsBackEqual() {
    PolicyDocument original = PolicyFixtures.samplePolicy();

    String written = json.write(original);

    assertThat(PolicyFixtures.parsed(written)).isEqualTo(original);
    assertThat(json.write(PolicyFixtures.parsed(written))).isEqualTo(written);
  }

  @Test
  void invalidResultReadsAsFieldAndMessage() {
    PolicyParseResult result = json.parse("{\"defaultRule\":{\"action\":\"maybe\"}}");

    assertThat(result.toString())
        .isEqualTo("/defaultRule/action: must be one of require, exempt, deny");
  }
}
