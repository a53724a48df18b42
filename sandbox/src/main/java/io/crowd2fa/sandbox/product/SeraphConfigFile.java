package io.crowd2fa.sandbox.product;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * {@code seraph-config.xml} in Seraph's real format, read as Seraph's {@code SecurityConfigImpl}
 * does: the global {@code <parameters>} and the <em>first</em> {@code <authenticator>} element in
 * document order (commented-out ones do not count) with its own {@code <init-param>}s.
 *
 * @param parameters global parameters such as {@code login.url}, {@code logout.url}
 * @param authenticatorClass the {@code class} attribute of the first {@code <authenticator>}
 * @param authenticatorParams that element's init-params, passed to {@code init}
 */
public record SeraphConfigFile(
    Map<String, String> parameters,
    String authenticatorClass,
    Map<String, String> authenticatorParams) {

  public SeraphConfigFile {
    parameters = Map.copyOf(parameters);
    authenticatorParams = Map.copyOf(authenticatorParams);
  }

  public static SeraphConfigFile read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(secureBuilder().parse(in), file.toString());
    } catch (IOException | SAXException | ParserConfigurationException e) {
      throw new ProductHarnessException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  public String parameter(String name, String defaultValue) {
    return parameters.getOrDefault(name, defaultValue);
  }

  private static SeraphConfigFile parse(Document document, String source) {
    Element root = document.getDocumentElement();
    if (!"security-config".equals(root.getTagName())) {
      throw new ProductHarnessException(source + ": root element must be <security-config>");
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    NodeList parameterBlocks = root.getElementsByTagName("parameters");
    if (parameterBlocks.getLength() > 0) {
      parameters.putAll(initParams((Element) parameterBlocks.item(0)));
    }
    Node authenticator = root.getElementsByTagName("authenticator").item(0);
    if (authenticator == null) {
      throw new ProductHarnessException(
          source + ": No authenticator implementation was configured");
    }
    Element element = (Element) authenticator;
    String className = element.getAttribute("class").trim();
    if (className.isEmpty()) {
      throw new ProductHarnessException(source + ": <authenticator> has no class attribute");
    }
    return new SeraphConfigFile(parameters, className, initParams(element));
  }

  private static Map<String, String> initParams(Element parent) {
    Map<String, String> params = new LinkedHashMap<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element param && "init-param".equals(param.getTagName())) {
        params.put(text(param, "param-name"), text(param, "param-value"));
      }
    }
    return params;
  }

  private static String text(Element param, String tag) {
    NodeList nodes = param.getElementsByTagName(tag);
    return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
  }

  private static DocumentBuilder secureBuilder() throws ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setExpandEntityReferences(false);
    factory.setIgnoringComments(true);
    return factory.newDocumentBuilder();
  }
}
