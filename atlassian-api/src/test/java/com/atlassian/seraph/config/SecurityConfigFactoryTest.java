package com.atlassian.seraph.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowd2fa.atlassianapi.testing.SeraphWorld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SecurityConfigFactoryTest {
  @AfterEach
  void forget() {
    SecurityConfigFactory.setSecurityConfig(null);
  }

  @Test
  void withoutAPublishedConfigurationGetInstanceFailsInsteadOfGuessing() {
    assertThatThrownBy(SecurityConfigFactory::getInstance)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("seraph-config.xml");
  }

  @Test
  void thePublishedConfigurationIsTheInstance() {
    SeraphWorld config = new SeraphWorld();

    SecurityConfigFactory.setSecurityConfig(config);

    assertThat(SecurityConfigFactory.getInstance()).isSameAs(config);
    assertThat(SecurityConfigFactory.getInstance("other-seraph-config.xml")).isSameAs(config);
  }
}
