package cn.jiuji.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the designers' folder {@code processes/} (every .bpmn, .dmn and .form, copied onto the
 * classpath by Maven) when the engine starts. Changed models only: a model identical to its
 * deployed version gets no new deployment (Camunda's duplicate filtering), and when any file
 * changed, all of them are deployed again together (not deployChangedOnly): each process is bound
 * to the forms of its own deployment ({@code camunda:formRefBinding="deployment"}), so that a form
 * deployed later on its own never changes what a running step asks or what the server checks
 * against it (SPEC §12).
 *
 * <p>Spring finds the files, also inside the packaged jar: Camunda's own process-application
 * scanner finds none there (it reads "no resources provided" from a Spring Boot jar), and the
 * starter's auto-deployment redeploys every model when one of them changes.
 */
@Component
@Order(0)
class ModelDeployment extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployment.class);
  static final String NAME = "jiuji";
  static final String[] PATTERNS = {
    "classpath*:processes/*.bpmn", "classpath*:processes/*.dmn", "classpath*:processes/*.form"};

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    Resource[] models = models();
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment()
        .name(NAME)
        .source("processes/")
        .enableDuplicateFiltering(false);
    for (Resource model : models) {
      try (InputStream in = model.getInputStream()) {
        deployment.addInputStream(model.getFilename(), new ByteArrayInputStream(in.readAllBytes()));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read model " + model, e);
      }
    }
    var deployed = deployment.deployWithResult();
    LOG.info("Models of processes/: {} found, {} process definitions (re)deployed in deployment {}",
        models.length, deployed.getDeployedProcessDefinitions() == null ? 0
            : deployed.getDeployedProcessDefinitions().size(), deployed.getId());
  }

  private static Resource[] models() {
    var resolver = new PathMatchingResourcePatternResolver(ModelDeployment.class.getClassLoader());
    try {
      List<Resource> found = new ArrayList<>();
      for (String pattern : PATTERNS) {
        found.addAll(Arrays.asList(resolver.getResources(pattern)));
      }
      found.sort(Comparator.comparing(Resource::getFilename));
      return found.toArray(Resource[]::new);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the models of processes/", e);
    }
  }
}
