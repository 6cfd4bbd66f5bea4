package cn.jiuji.system;

import cn.jiuji.base.CountyClock;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.JdbcTemplate;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * HTTP Basic against Camunda's own users for the REST API and our own {@code /api} (whose reads
 * also take the webapps' login, {@link SessionOrBasicAuthentication}). The filter
 * sets the engine's current authentication for the request, so authorization checks apply to
 * everything the request does, in the engine REST API and in our controllers alike. Behind it,
 * and behind the webapps' own login, {@link FormVariablesFilter} lets workers submit only what
 * their forms show.
 */
@Configuration(proxyBeanMethods = false)
class RestSecurityConfiguration {

  static final String ENGINE_REST = "/engine-rest";
  /** Before the form check, which asks the engine who the request's user is. */
  private static final int AUTHENTICATION_ORDER = Ordered.LOWEST_PRECEDENCE - 10;

  @Bean
  FilterRegistrationBean<FormVariablesFilter> formVariables(ProcessEngineConfigurationImpl engine,
      CamundaBpmProperties camunda, RestStartProperties starts) {
    // Tasklist submits forms through the webapps' copy of the REST API, under the webapp path
    RestRoute.Roots roots = roots(camunda);
    var registration = new FilterRegistrationBean<>(new FormVariablesFilter(roots, engine, starts));
    registration.setName("formVariables");
    registration.addUrlPatterns(roots.engineRest() + "/*", roots.webappRest() + "/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE);
    registration.setAsyncSupported(true);
    return registration;
  }

  @Bean
  FilterRegistrationBean<IdNumberMasking> idNumberMasking(ProcessEngineConfigurationImpl engine,
      CamundaBpmProperties camunda, PrivacyProperties privacy, JdbcTemplate jdbc, CountyClock clock) {
    RestRoute.Roots roots = roots(camunda);
    var registration = new FilterRegistrationBean<>(new IdNumberMasking(roots, engine, privacy, jdbc, clock));
    registration.setName("idNumberMasking");
    registration.addUrlPatterns(roots.engineRest() + "/*", roots.webappRest() + "/*");
    // inside the login, which tells who reads: the answer is rewritten before the login lets it go
    registration.setOrder(AUTHENTICATION_ORDER + 1);
    registration.setAsyncSupported(true);
    return registration;
  }

  /** Ours, and the webapps' copy of the REST API, through which Tasklist and Cockpit work. */
  private static RestRoute.Roots roots(CamundaBpmProperties camunda) {
    return new RestRoute.Roots(ENGINE_REST, camunda.getWebapp().getApplicationPath() + "/api/engine");
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    return authentication("engineRestAuthentication", HttpBasicAuthenticationProvider.class, null,
        ENGINE_REST + "/*");
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> apiAuthentication() {
    // Spring's dispatcher servlet is mapped to "/": the whole path is the servlet path, so tell
    // the filter that nothing of it is a prefix to cut off.
    // (reads also with the webapps' login: SessionOrBasicAuthentication)
    return authentication("apiAuthentication", SessionOrBasicAuthentication.class, "", "/api/*");
  }

  private static FilterRegistrationBean<ProcessEngineAuthenticationFilter> authentication(
      String name, Class<?> provider, String servletPathPrefix, String urlPattern) {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName(name);
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, provider.getName());
    if (servletPathPrefix != null) {
      registration.addInitParameter(
          ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, servletPathPrefix);
    }
    registration.addUrlPatterns(urlPattern);
    registration.setOrder(AUTHENTICATION_ORDER);
    registration.setAsyncSupported(true);
    return registration;
  }
}
