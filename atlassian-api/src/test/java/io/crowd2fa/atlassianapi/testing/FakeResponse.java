package io.crowd2fa.atlassianapi.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;

/** A response that records status, headers and errors; anything else it is asked fails the test. */
public final class FakeResponse extends HttpServletResponseWrapper {
  private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private int status = SC_OK;
  private String errorMessage;

  public FakeResponse() {
    super(Unsupported.of(HttpServletResponse.class));
  }

  public List<String> headerValues(String name) {
    return List.copyOf(headers.getOrDefault(name, List.of()));
  }

  public String errorMessage() {
    return errorMessage;
  }

  @Override
  public int getStatus() {
    return status;
  }

  @Override
  public void setStatus(int sc) {
    this.status = sc;
  }

  @Override
  public void sendError(int sc, String msg) {
    this.status = sc;
    this.errorMessage = msg;
  }

  @Override
  public void setHeader(String name, String value) {
    headers.put(name, new ArrayList<>(List.of(value)));
  }

  @Override
  public void addHeader(String name, String value) {
    headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
  }
}
