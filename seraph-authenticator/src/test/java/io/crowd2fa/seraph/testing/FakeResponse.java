package io.crowd2fa.seraph.testing;

import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

/** A response that records status, headers, cookies, redirect and body. */
@SuppressWarnings("deprecation")
public class FakeResponse implements HttpServletResponse {
  public final Map<String, String> headers = new HashMap<>();
  public final List<Cookie> cookies = new ArrayList<>();
  public final StringWriter body = new StringWriter();
  private final PrintWriter writer = new PrintWriter(body);
  public int status = 200;
  public String redirect;
  public String contentType;
  public boolean committed;

  public String body() {
    writer.flush();
    return body.toString();
  }

  @Override
  public String getCharacterEncoding() {
    return "UTF-8";
  }

  @Override
  public String getContentType() {
    return contentType;
  }

  @Override
  public ServletOutputStream getOutputStream() throws IOException {
    throw new UnsupportedOperationException("getOutputStream");
  }

  @Override
  public PrintWriter getWriter() throws IOException {
    return writer;
  }

  @Override
  public void setCharacterEncoding(String a0) {}

  @Override
  public void setContentLength(int a0) {
    throw new UnsupportedOperationException("setContentLength");
  }

  @Override
  public void setContentLengthLong(long a0) {
    throw new UnsupportedOperationException("setContentLengthLong");
  }

  @Override
  public void setContentType(String a0) {
    contentType = a0;
  }

  @Override
  public void setBufferSize(int a0) {
    throw new UnsupportedOperationException("setBufferSize");
  }

  @Override
  public int getBufferSize() {
    throw new UnsupportedOperationException("getBufferSize");
  }

  @Override
  public void flushBuffer() throws IOException {
    committed = true;
  }

  @Override
  public void resetBuffer() {
    body.getBuffer().setLength(0);
  }

  @Override
  public boolean isCommitted() {
    return committed;
  }

  @Override
  public void reset() {
    throw new UnsupportedOperationException("reset");
  }

  @Override
  public void setLocale(Locale a0) {
    throw new UnsupportedOperationException("setLocale");
  }

  @Override
  public Locale getLocale() {
    throw new UnsupportedOperationException("getLocale");
  }

  @Override
  public void addCookie(Cookie a0) {
    cookies.add(a0);
  }

  @Override
  public boolean containsHeader(String a0) {
    return headers.containsKey(a0);
  }

  @Override
  public String encodeURL(String a0) {
    throw new UnsupportedOperationException("encodeURL");
  }

  @Override
  public String encodeRedirectURL(String a0) {
    throw new UnsupportedOperationException("encodeRedirectURL");
  }

  @Override
  public String encodeUrl(String a0) {
    throw new UnsupportedOperationException("encodeUrl");
  }

  @Override
  public String encodeRedirectUrl(String a0) {
    throw new UnsupportedOperationException("encodeRedirectUrl");
  }

  @Override
  public void sendError(int a0, String a1) throws IOException {
    status = a0;
    committed = true;
  }

  @Override
  public void sendError(int a0) throws IOException {
    status = a0;
    committed = true;
  }

  @Override
  public void sendRedirect(String a0) throws IOException {
    redirect = a0;
    status = 302;
    committed = true;
  }

  @Override
  public void setDateHeader(String a0, long a1) {
    throw new UnsupportedOperationException("setDateHeader");
  }

  @Override
  public void addDateHeader(String a0, long a1) {
    throw new UnsupportedOperationException("addDateHeader");
  }

  @Override
  public void setHeader(String a0, String a1) {
    headers.put(a0, a1);
  }

  @Override
  public void addHeader(String a0, String a1) {
    headers.putIfAbsent(a0, a1);
  }

  @Override
  public void setIntHeader(String a0, int a1) {
    throw new UnsupportedOperationException("setIntHeader");
  }

  @Override
  public void addIntHeader(String a0, int a1) {
    throw new UnsupportedOperationException("addIntHeader");
  }

  @Override
  public void setStatus(int a0) {
    status = a0;
  }

  @Override
  public void setStatus(int a0, String a1) {
    status = a0;
  }

  @Override
  public int getStatus() {
    return status;
  }

  @Override
  public String getHeader(String a0) {
    return headers.get(a0);
  }

  @Override
  public Collection<String> getHeaders(String a0) {
    throw new UnsupportedOperationException("getHeaders");
  }

  @Override
  public Collection<String> getHeaderNames() {
    throw new UnsupportedOperationException("getHeaderNames");
  }
}
