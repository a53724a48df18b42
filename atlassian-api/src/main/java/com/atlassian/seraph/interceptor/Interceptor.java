package com.atlassian.seraph.interceptor;

import com.atlassian.seraph.Initable;

/** Seraph 4.1.4: base of the login and logout interceptors configured in seraph-config.xml. */
public interface Interceptor extends Initable {
  void destroy();
}
