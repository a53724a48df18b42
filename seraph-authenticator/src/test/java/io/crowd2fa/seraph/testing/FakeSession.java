package io.crowd2fa.seraph.testing;

import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

/** An in-memory session. */
@SuppressWarnings("deprecation")
public class FakeSession implements HttpSession {
  private static int counter;
  public final Map<String, Object> attributes = new HashMap<>();
  public final String id = "S" + (++counter);
  public boolean invalidated;

  @Override
  public long getCreationTime() {
    throw new UnsupportedOperationException("getCreationTime");
  }

  @Override
  public String getId() {
    return id;
  }

  @Override
  public long getLastAccessedTime() {
    throw new UnsupportedOperationException("getLastAccessedTime");
  }

  @Override
  public ServletContext getServletContext() {
    return null;
  }

  @Override
  public void setMaxInactiveInterval(int a0) {
    throw new UnsupportedOperationException("setMaxInactiveInterval");
  }

  @Override
  public int getMaxInactiveInterval() {
    throw new UnsupportedOperationException("getMaxInactiveInterval");
  }

  @Override
  public HttpSessionContext getSessionContext() {
    throw new UnsupportedOperationException("getSessionContext");
  }

  @Override
  public Object getAttribute(String a0) {
    return attributes.get(a0);
  }

  @Override
  public Object getValue(String a0) {
    throw new UnsupportedOperationException("getValue");
  }

  @Override
  public Enumeration<String> getAttributeNames() {
    return Collections.enumeration(new ArrayList<>(attributes.keySet()));
  }

  @Override
  public String[] getValueNames() {
    throw new UnsupportedOperationException("getValueNames");
  }

  @Override
  public void setAttribute(String a0, Object a1) {
    if (a1 == null) {
      attributes.remove(a0);
    } else {
      attributes.put(a0, a1);
    }
  }

  @Override
  public void putValue(String a0, Object a1) {
    throw new UnsupportedOperationException("putValue");
  }

  @Override
  public void removeAttribute(String a0) {
    attributes.remove(a0);
  }

  @Override
  public void removeValue(String a0) {
    throw new UnsupportedOperationException("removeValue");
  }

  @Override
  public void invalidate() {
    invalidated = true;
    attributes.clear();
  }

  @Override
  public boolean isNew() {
    return false;
  }
}
