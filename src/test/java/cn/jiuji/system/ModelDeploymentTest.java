package cn.jiuji.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What a designer puts into processes/ is what the engine runs. */
@ApplicationTest
class ModelDeploymentTest {

  static final Path PROCESSES = Path.of("processes");

  @Autowired RepositoryService repository;
  @Autowired ModelDeployment modelDeployment;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;
  @Autowired FormService forms;
  final ObjectMapper json = new ObjectMapper();

  static List<Path> models(String... suffixes) throws IOException {
    try (Stream<Path> files = Files.list(PROCESSES)) {
      return files
          .filter(f -> Stream.of(suffixes).anyMatch(s -> f.getFileName().toString().endsWith(s)))
          .sorted()
          .toList();
    }
  }

  @Test
  void everyModelOfTheDesignersFolderIsDeployed() throws IOException {
    List<Path> files = models(".bpmn", ".dmn", ".form");
    assertThat(files).isNotEmpty();
    Set<String> deployed = deployedResourceNames();
    for (Path file : files) {
      assertThat(deployed).as("deployed resources").contains(file.getFileName().toString());
    }
    for (Path bpmn : models(".bpmn")) {
      String key = Bpmn.readModelFromFile(bpmn.toFile())
          .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)
          .iterator().next().getId();
      assertThat(bpmn.getFileName().toString()).as("file name = process key").isEqualTo(key + ".bpmn");
      assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().count())
          .as("process %s deployed", key).isEqualTo(1);
    }
  }

  @Test
  void everyProcessModelHasItsOwnProcessTestHeldToFullCoverage() throws IOException {
    // cn.jiuji.ProcessCoverageScope: <Key>ProcessTest answers for processes/<key>.bpmn
    List<String> testClasses;
    try (Stream<Path> files = Files.walk(Path.of("src", "test", "java"))) {
      testClasses = files.map(f -> f.getFileName().toString()).toList();
    }
    for (Path bpmn : models(".bpmn")) {
      String key = bpmn.getFileName().toString().replace(".bpmn", "");
      String testClass = Character.toUpperCase(key.charAt(0)) + key.substring(1) + "ProcessTest.java";
      assertThat(testClasses).as("process test of %s", bpmn).contains(testClass);
    }
  }

  @Test
  void everyFormReferenceResolvesToADeployedForm() throws IOException {
    Set<String> deployedFormIds = deployedFormIds();
    for (Path bpmn : models(".bpmn")) {
      var model = Bpmn.readModelFromFile(bpmn.toFile());
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        if (task.getCamundaFormRef() != null) {
          assertThat(deployedFormIds).as("form of task %s in %s", task.getId(), bpmn)
              .contains(task.getCamundaFormRef());
        }
      }
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        if (start.getCamundaFormRef() != null) {
          String processKey = ((org.camunda.bpm.model.bpmn.instance.Process) start.getParentElement()).getId();
          String definitionId = repository.createProcessDefinitionQuery()
              .processDefinitionKey(processKey).latestVersion().singleResult().getId();
          assertThat(forms.getDeployedStartForm(definitionId)).as("start form of %s", processKey).isNotNull();
        }
      }
    }
  }

  @Test
  void aRestartDeploysNoUnchangedModelAgain() {
    long deployments = repository.createDeploymentQuery().count();
    // what the next start does: the same models once more
    modelDeployment.postProcessEngineBuild(engine);
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    repository.createProcessDefinitionQuery().latestVersion().list()
        .forEach(definition -> assertThat(definition.getVersion()).as(definition.getKey()).isEqualTo(1));
  }

  private Set<String> deployedResourceNames() {
    Set<String> names = new HashSet<>();
    repository.createDeploymentQuery().list().forEach(d ->
        repository.getDeploymentResources(d.getId()).stream().map(Resource::getName).forEach(names::add));
    return names;
  }

  private Set<String> deployedFormIds() throws IOException {
    Set<String> ids = new HashSet<>();
    for (var deployment : repository.createDeploymentQuery().list()) {
      for (Resource resource : repository.getDeploymentResources(deployment.getId())) {
        if (resource.getName().endsWith(".form")) {
          try (var in = repository.getResourceAsStream(deployment.getId(), resource.getName())) {
            ids.add(json.readTree(in).path("id").asText());
          }
        }
      }
    }
    return ids;
  }
}
