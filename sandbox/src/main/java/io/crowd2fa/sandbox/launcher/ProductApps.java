package io.crowd2fa.sandbox.launcher;

import io.crowd2fa.sandbox.product.RunningProduct;
import io.crowd2fa.sandbox.product.SampleProduct;
import io.crowd2fa.sandbox.tls.ServerTls;
import java.time.Clock;
import java.util.Optional;

/** Starts a sample product from the files the launcher wrote, with the built authenticator jar. */
final class ProductApps {

  private ProductApps() {}

  static RunningProduct start(
      Product product,
      SandboxTopology topology,
      SandboxHome home,
      SandboxSettings settings,
      Clock clock,
      Optional<ServerTls> tls) {
    SampleProduct.Builder builder =
        switch (product) {
          case JIRA -> SampleProduct.jiraLike().port(topology.jiraPort());
          case CONFLUENCE -> SampleProduct.confluenceLike().port(topology.confluencePort());
          case SERVICE -> throw new IllegalArgumentException("the service is not a product");
        };
    tls.ifPresent(builder::tls);
    return builder
        .bindAddress(topology.bindAddress(product))
        .authenticatorJar(settings.authenticatorJar())
        .seraphConfig(home.seraphConfig(product))
        .crowdProperties(home.productCrowdProperties(product))
        .clock(clock)
        .start();
  }
}
