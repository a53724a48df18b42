package io.crowd2fa.seraph.core;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** {@link HttpFetcher} over the JDK client, bounded by a timeout and a body size. */
public final class JdkHttpFetcher implements HttpFetcher {

  private static final int MAX_BODY_CHARS = 64 * 1024;

  private final HttpClient client;
  private final Duration timeout;

  public JdkHttpFetcher(Duration timeout) {
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public String get(URI uri) {
    HttpRequest request =
        HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new SeraphAuthenticatorException("GET " + uri + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SeraphAuthenticatorException("GET " + uri + " interrupted", e);
    }
    if (response.statusCode() != 200) {
      throw new SeraphAuthenticatorException("GET " + uri + " answered " + response.statusCode());
    }
    if (response.body().length() > MAX_BODY_CHARS) {
      throw new SeraphAuthenticatorException("GET " + uri + " answered an oversized body");
    }
    return response.body();
  }
}
