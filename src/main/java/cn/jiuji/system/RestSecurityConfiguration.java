package cn.jiuji.system;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP Basic against Camunda's own users for the REST API and our own {@code /api}. The filter
 * sets the engine's current authentication for the request, so authorization checks apply to
 * everything the request does, in the engine REST API and in our controllers alike.
 */
@Configuration(proxyBeanMethods = false)
class RestSecurityConfiguration {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    return basicAuthentication("engineRestAuthentication", null, "/engine-rest/*");
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> apiAuthentication() {
    // Spring's dispatcher servlet is mapped to "/": the whole path is the servlet path, so tell
    // the filter that nothing of it is a prefix to cut off.
    return basicAuthentication("apiAuthentication", "", "/api/*");
  }

  private static FilterRegistrationBean<ProcessEngineAuthenticationFilter> basicAuthentication(
      String name, String servletPathPrefix, String urlPattern) {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName(name);
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    if (servletPathPrefix != null) {
      registration.addInitParameter(
          ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, servletPathPrefix);
    }
    registration.addUrlPatterns(urlPattern);
    registration.setAsyncSupported(true);
    return registration;
  }
}
