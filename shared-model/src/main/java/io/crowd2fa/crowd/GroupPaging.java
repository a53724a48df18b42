package io.crowd2fa.crowd;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads all of a user's group names from Crowd's paged {@code /user/group/*} resources. Crowd
 * answers at most {@code max-results} groups a call (1000 when the parameter is absent), so a user
 * in more groups than that would otherwise silently lose the rest, and with them what the policy
 * and the help-desk gate decide on.
 */
final class GroupPaging {

  /** Crowd's own default page size, so no Crowd caps a requested page below it. */
  static final int PAGE_SIZE = 1000;

  /** One call: the names of the groups from {@code startIndex}, at most {@code maxResults}. */
  @FunctionalInterface
  interface PageReader {
    CrowdResult<List<String>> read(int startIndex, int maxResults);
  }

  private GroupPaging() {}

  /**
   * Pages until Crowd answers a page shorter than asked for. A full page that adds no new name
   * means the server ignores {@code start-index}; that is a fault, not an endless loop.
   */
  static CrowdResult<List<String>> readAll(PageReader reader, String label) {
    Set<String> names = new LinkedHashSet<>();
    int startIndex = 0;
    while (true) {
      CrowdResult<List<String>> page = reader.read(startIndex, PAGE_SIZE);
      if (page instanceof CrowdResult.Rejected<List<String>>) {
        return page;
      }
      List<String> received = page.orElseThrow();
      boolean grew = names.addAll(received);
      if (received.size() < PAGE_SIZE) {
        return CrowdResult.ok(List.copyOf(names));
      }
      if (!grew) {
        throw new CrowdProtocolException(
            "Crowd answered "
                + label
                + " at start-index "
                + startIndex
                + " with the groups it had already sent: it does not page",
            200);
      }
      startIndex += received.size();
    }
  }
}
