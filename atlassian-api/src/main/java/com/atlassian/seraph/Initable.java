package com.atlassian.seraph;

import com.atlassian.seraph.config.SecurityConfig;
import java.util.Map;

/** Seraph 4.1.4: a component configured from {@code seraph-config.xml} init-params. */
public interface Initable {
  void init(Map<String, String> params, SecurityConfig config);
}
