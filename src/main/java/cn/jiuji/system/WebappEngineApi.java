package cn.jiuji.system;

import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.servlet.ServletContainer;
import org.glassfish.jersey.servlet.ServletProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The webapps' own copy of the REST API ({@code /camunda/api/engine}, through which Tasklist
 * completes tasks and starts cases) answers a refusal as {@code /engine-rest} does: the status of
 * its kind and the bare Chinese message, which Tasklist shows as it is, instead of Camunda's 400
 * with its English prefix ("Cannot submit task form …: ").
 *
 * <p>The webapp starter registers this API as the Jersey servlet "Engine Api" with Camunda's
 * {@link EngineRestApplication}, unless a servlet of that name is registered already. We register
 * it first, the same servlet at the same path, with that application plus our refusal mappers.
 */
@Configuration(proxyBeanMethods = false)
class WebappEngineApi {

  /** The name under which the starter registers the servlet, and skips it if taken. */
  static final String SERVLET_NAME = "Engine Api";

  @Bean
  ServletRegistrationBean<ServletContainer> engineApiServlet(CamundaBpmProperties camunda) {
    var registration = new ServletRegistrationBean<>(new ServletContainer(),
        camunda.getWebapp().getApplicationPath() + "/api/engine/*");
    registration.setName(SERVLET_NAME);
    registration.addInitParameter(ServletProperties.JAXRS_APPLICATION_CLASS, WithRefusals.class.getName());
    // before the starter's initializer, which leaves a servlet of this name alone
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** Camunda's application of the webapps' REST API, plus the one answer to a refusal. */
  public static class WithRefusals extends EngineRestApplication {
    @Override
    public Set<Class<?>> getClasses() {
      Set<Class<?>> classes = new HashSet<>(super.getClasses());
      classes.add(EngineRestConfiguration.RestRefusals.class);
      classes.add(EngineRestConfiguration.EngineRefusals.class);
      classes.add(EngineRestConfiguration.JsonLimits.class);
      return classes;
    }
  }
}
