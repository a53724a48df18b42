package io.crowd2fa.sandbox.launcher;

import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * {@code /crowd/sandbox/clock}: shows the sandbox time ({@code GET}) and moves it forward ({@code
 * POST advance=PT16M}). Mounted by the launcher in the Crowd stand-in only; nothing like it is in
 * the shipped jars.
 */
final class ClockControlServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  static final String PATH = "/sandbox/clock";

  private final transient SandboxClock clock;

  ClockControlServlet(SandboxClock clock) {
    this.clock = clock;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    writeState(response);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String advance = request.getParameter("advance");
    try {
      clock.advance(Duration.parse(advance == null ? "" : advance));
    } catch (DateTimeParseException | IllegalArgumentException e) {
      response.sendError(
          HttpServletResponse.SC_BAD_REQUEST,
          "advance must be a positive ISO-8601 duration, e.g. PT16M");
      return;
    }
    writeState(response);
  }

  private void writeState(HttpServletResponse response) throws IOException {
    response.setContentType("application/json;charset=UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response
        .getWriter()
        .write("{\"now\":\"" + clock.instant() + "\",\"offset\":\"" + clock.offset() + "\"}");
  }
}
