package cn.jiuji.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiuji.ApplicationTest;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A user task a designer adds without its rules never reaches a worker. */
@ApplicationTest
class UserTaskRulesCheckTest {

  @Autowired RepositoryService repository;

  @Test
  void aModelWithAUserTaskWithoutACompleteListenerIsRefusedWithTheTaskNamed() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("unruledCase")
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask("addedStep").name("补充材料核对")
          .camundaTaskListenerExpression("create", "${overdue.toString()}")
        .endEvent()
        .done();

    assertThatThrownBy(() -> repository.createDeployment()
            .addModelInstance("unruledCase.bpmn", model).deploy())
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("unruledCase")
        .hasMessageContaining("“补充材料核对”（addedStep）没有完成监听器");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("unruledCase").count())
        .isZero();
  }
}
