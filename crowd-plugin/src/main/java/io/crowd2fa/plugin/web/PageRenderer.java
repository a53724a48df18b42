package io.crowd2fa.plugin.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.WriterOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.servlet.http.HttpServletResponse;

/**
 * Renders the precompiled jte templates (built by {@code jte-maven-plugin}, HTML escaping decided
 * at compile time). Loaded with this class's loader so it works the same inside an OSGi host.
 */
public final class PageRenderer {

  private final TemplateEngine templates =
      TemplateEngine.createPrecompiled(
          null,
          ContentType.Html,
          PageRenderer.class.getClassLoader(),
          "gg.jte.generated.precompiled");

  public void render(
      HttpServletResponse response, int status, String template, Map<String, Object> params)
      throws IOException {
    response.setStatus(status);
    response.setContentType("text/html");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    PrintWriter writer = response.getWriter();
    templates.render(template, params, new WriterOutput(writer));
    writer.flush();
  }
}
