package cn.jiuji.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.identity.DemoProperties;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.util.SpringBootStarterPropertyHelper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The production hardening of application-postgres.yaml, read as Spring reads it. Binding refuses
 * any camunda.bpm setting the starter does not know, and the engine settings are applied to an
 * engine configuration as the starter applies them, so a misspelt name fails here, not silently in
 * production.
 */
class ProductionProfileTest {

  static final String ORIGIN = "https://jiuji.example.gov.cn";

  @Test
  void webappCookiesAreSecureAndSameSiteAndTheBrowserIsToldToStayOnHttps() throws IOException {
    var webapp = camunda(production(Map.of("JIUJI_PUBLIC_ORIGIN", ORIGIN))).getWebapp();

    assertThat(webapp.getSessionCookie().isEnableSecureCookie()).isTrue();
    assertThat(webapp.getSessionCookie().isEnableSameSiteCookie()).isTrue();
    assertThat(webapp.getSessionCookie().getSameSiteCookieOption()).isEqualTo("STRICT");
    assertThat(webapp.getCsrf().isEnableSecureCookie()).isTrue();
    assertThat(webapp.getCsrf().getSameSiteCookieOption()).isEqualTo("STRICT");
    assertThat(webapp.getCsrf().getTargetOrigin()).isEqualTo(ORIGIN);
    assertThat(webapp.getHeaderSecurity().isHstsDisabled()).isFalse();
    assertThat(webapp.getHeaderSecurity().getHstsMaxAge()).isEqualTo("31536000");
    assertThat(webapp.getHeaderSecurity().isContentSecurityPolicyDisabled()).isFalse();
    assertThat(webapp.getHeaderSecurity().isContentTypeOptionsDisabled()).isFalse();
  }

  @Test
  void theEngineEnforcesThePasswordPolicyLimitsQueriesAndEvaluatesNoAdhocExpressions() throws IOException {
    var engine = engineSettings(production(Map.of()));

    assertThat(engine.isEnablePasswordPolicy()).isTrue();
    assertThat(engine.getQueryMaxResultsLimit()).isEqualTo(2000);
    assertThat(engine.isEnableExpressionsInAdhocQueries()).isFalse();
    // Tasklist filters need ${currentUser()}; only administrators create filters
    assertThat(engine.isEnableExpressionsInStoredQueries()).isTrue();
    assertThat(engine.isEnableHistoricInstancePermissions()).isTrue();
    assertThat(engine.isJavaSerializationFormatEnabled()).isFalse();
  }

  @Test
  void productionHasNoDemoUsersAndNoDefaultPasswords() throws IOException {
    var environment = production(Map.of());
    var binder = Binder.get(environment);

    DemoProperties demo = binder.bind("jiuji.demo", DemoProperties.class).get();
    assertThat(demo.users()).isFalse();
    assertThat(demo.cases()).isFalse();
    assertThat(camunda(environment).getAdminUser().getPassword()).isEmpty();
    assertThat(environment.getProperty("spring.datasource.password")).isEmpty();
  }

  @Test
  void theDefaultProfileKeepsExpressionsInStoredQueriesForTasklistFilters() throws IOException {
    var engine = engineSettings(environment(Map.of(), "application.yaml"));
    assertThat(engine.isEnableExpressionsInStoredQueries()).isTrue();
    assertThat(engine.isEnablePasswordPolicy()).as("the demo users' password is demo").isFalse();
  }

  private static StandardEnvironment production(Map<String, Object> variables) throws IOException {
    return environment(variables, "application-postgres.yaml", "application.yaml");
  }

  /** The files in falling precedence, with the given environment variables and nothing else. */
  private static StandardEnvironment environment(Map<String, Object> variables, String... files)
      throws IOException {
    var environment = new StandardEnvironment();
    var sources = environment.getPropertySources();
    sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
    sources.addLast(new MapPropertySource("variables", variables));
    var loader = new YamlPropertySourceLoader();
    for (String file : List.of(files)) {
      loader.load(file, new ClassPathResource(file)).forEach(sources::addLast);
    }
    return environment;
  }

  private static CamundaBpmProperties camunda(StandardEnvironment environment) {
    return Binder.get(environment)
        .bind("camunda.bpm", Bindable.of(CamundaBpmProperties.class),
            new NoUnboundElementsBindHandler(BindHandler.DEFAULT))
        .get();
  }

  private static SpringProcessEngineConfiguration engineSettings(StandardEnvironment environment) {
    var engine = new SpringProcessEngineConfiguration();
    SpringBootStarterPropertyHelper.applyProperties(engine,
        camunda(environment).getGenericProperties().getProperties(), false);
    return engine;
  }
}
