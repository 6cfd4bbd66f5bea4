package cn.jiuji.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiuji.ApplicationTest;
import cn.jiuji.base.RuleBreak;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * SPEC §12: a model may call only the application's beans ({@code jiuji.models.beans}) and plain
 * expressions; anything else is refused at deployment with the element named (DeploymentGuard),
 * over REST as a designer deploys from Modeler, and in Java alike.
 */
@ApplicationTest
class DeploymentGuardTest {

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  final ObjectMapper json = new ObjectMapper();
  WebClient web;

  @BeforeEach
  void client() {
    web = new WebClient(port);
  }

  /** A one-step model whose service task carries {@code attributes}, or whose body holds {@code body}. */
  static String model(String key, String attributes, String body) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            targetNamespace="http://jiuji.cn/test">
          <process id="%s" name="测试" isExecutable="true" camunda:historyTimeToLive="P1D">
            <startEvent id="started" />
            <sequenceFlow id="toStep" sourceRef="started" targetRef="step" />
            <serviceTask id="step" name="查询户籍" %s>%s</serviceTask>
            <sequenceFlow id="toFinished" sourceRef="step" targetRef="finished" />
            <endEvent id="finished" />
          </process>
        </definitions>
        """.formatted(key, attributes, body);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "Runtime.exec in an expression | camunda:expression=\"${''.getClass().forName('java.lang.Runtime').getRuntime().exec('id')}\" | | 涉及 Java 反射或系统类",
      "a method on a variable | camunda:expression=\"${idNumber.substring(0, 6)}\" | | 调用了“idNumber”的方法",
      "a bean not on the list | camunda:delegateExpression=\"${identitySetup}\" | | “identitySetup”，它不在可供模型调用的对象名单",
      "a method of a bean not on the list | camunda:expression=\"${ledger.capRemaining(idNumber, 2026)}\" | | 调用了“ledger”的方法",
      "a chain from the execution to the engine | camunda:expression=\"${execution.processEngineServices.runtimeService}\" | | 读取的属性不允许",
      "a function | camunda:expression=\"${currentUser()}\" | | 调用了函数 currentUser()",
      "a Java class outside the application | camunda:class=\"org.example.Exfiltrate\" | | 使用了本系统以外的 Java 类 org.example.Exfiltrate",
      "a script listener | camunda:expression=\"${true}\" | <extensionElements><camunda:executionListener event=\"start\"><camunda:script scriptFormat=\"javascript\">java.lang.System.exit(1)</camunda:script></camunda:executionListener></extensionElements> | 含有脚本",
      "a script input mapping | camunda:expression=\"${true}\" | <extensionElements><camunda:inputOutput><camunda:inputParameter name=\"x\"><camunda:script scriptFormat=\"groovy\">1</camunda:script></camunda:inputParameter></camunda:inputOutput></extensionElements> | 含有脚本",
      "a connector | | <extensionElements><camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></extensionElements> | 连接器",
  })
  void aModelReachingBeyondTheApplicationsBeansIsRefusedWithTheElementNamed(String what, String attributes,
      String body, String reason) {
    String key = "guarded" + Math.abs(what.hashCode());
    String xml = model(key, attributes == null ? "" : attributes, body == null ? "" : body);

    assertThatThrownBy(() -> repository.createDeployment().addString(key + ".bpmn", xml).deploy())
        .isInstanceOf(RuleBreak.class)
        .hasMessageStartingWith("模型不能部署：元素“查询户籍”（step）")
        .hasMessageContaining(reason);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
  }

  @Test
  void aScriptTaskAndAScriptConditionAreRefused() {
    String scriptTask = model("scripted", "camunda:expression=\"${true}\"", "")
        .replace("<endEvent id=\"finished\" />", "<scriptTask id=\"finished\" name=\"清理\" scriptFormat=\"javascript\"><script>1</script></scriptTask>");
    assertThatThrownBy(() -> repository.createDeployment().addString("scripted.bpmn", scriptTask).deploy())
        .hasMessageStartingWith("模型不能部署：元素“清理”（finished）");
    String condition = model("conditioned", "camunda:expression=\"${true}\"", "")
        .replace("<sequenceFlow id=\"toFinished\" sourceRef=\"step\" targetRef=\"finished\" />",
            "<sequenceFlow id=\"toFinished\" sourceRef=\"step\" targetRef=\"finished\"><conditionExpression xsi:type=\"tFormalExpression\" language=\"javascript\">true</conditionExpression></sequenceFlow>");
    assertThatThrownBy(() -> repository.createDeployment().addString("conditioned.bpmn", condition).deploy())
        .hasMessageStartingWith("模型不能部署：元素（toFinished）含有脚本（javascript）");
  }

  @Test
  void aDecisionWithAScriptExpressionIsRefused() {
    String dmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="scriptedDecisions" name="测试"
            namespace="http://jiuji.cn/test">
          <decision id="scriptedDecision" name="脚本决策">
            <decisionTable id="scriptedTable">
              <input id="scriptedInput">
                <inputExpression id="scriptedExpression" typeRef="string" expressionLanguage="javascript">
                  <text>java.lang.Runtime.getRuntime().exec('id')</text>
                </inputExpression>
              </input>
              <output id="scriptedOutput" name="result" typeRef="string" />
            </decisionTable>
          </decision>
        </definitions>
        """;
    assertThatThrownBy(() -> repository.createDeployment().addString("scripted.dmn", dmn).deploy())
        .isInstanceOf(RuleBreak.class)
        .hasMessageStartingWith("模型不能部署：元素（scriptedExpression）含有脚本（javascript）");
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("scriptedDecision").count()).isZero();
  }

  @Test
  void aDesignerDeployingRuntimeExecFromModelerGetsAChineseRefusalAndNothingIsDeployed() throws Exception {
    String xml = model("exfiltrate", "camunda:asyncBefore=\"true\" camunda:expression=\"${T(java.lang.Runtime).getRuntime().exec('id')}\"", "");
    var response = web.postMultipart("/engine-rest/deployment/create", Map.of("deployment-name", "exfiltrate"),
        "data", "exfiltrate.bpmn", xml.getBytes(StandardCharsets.UTF_8), "designer1", "demo");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json.readTree(response.body()).get("message").asText())
        .startsWith("模型不能部署：元素“查询户籍”（step）").contains("Java 反射");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("exfiltrate").count()).isZero();
  }

  @Test
  void aDesignerCannotDeleteADeploymentTogetherWithItsCasesButAnAdministratorMay() throws Exception {
    var deployment = repository.createDeployment().addModelInstance("kept.bpmn",
        Bpmn.createExecutableProcess("kept").camundaHistoryTimeToLive(1)
            .startEvent().receiveTask("waiting").name("等待").endEvent().done()).deploy();
    String instance = runtime.startProcessInstanceByKey("kept").getId();

    for (String root : List.of("/engine-rest", "/camunda/api/engine/engine/default")) {
      var response = root.startsWith("/engine-rest")
          ? web.delete(root + "/deployment/" + deployment.getId() + "?cascade=true", "designer1", "demo")
          : webapp("designer1").webappJson("DELETE", root + "/deployment/" + deployment.getId() + "?cascade=true", "");
      assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
      assertThat(json.readTree(response.body()).get("message").asText()).isEqualTo(DeploymentDeletion.ADMINISTRATORS_ONLY);
    }
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isEqualTo(1);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).count()).isEqualTo(1);
    assertThat(repository.createDeploymentQuery().deploymentId(deployment.getId()).count()).isEqualTo(1);

    var byAdministrator = web.delete("/engine-rest/deployment/" + deployment.getId() + "?cascade=true", "admin", "demo");
    assertThat(byAdministrator.statusCode()).as(byAdministrator.body()).isEqualTo(204);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).count()).isZero();
  }

  private WebClient webapp(String user) {
    var client = new WebClient(port);
    assertThat(client.webappLogin("cockpit", user, "demo")).isEqualTo(200);
    return client;
  }

  @Test
  void plainExpressionsAndTheApplicationsBeansDeploy() {
    String xml = model("plain", "camunda:expression=\"${deadlines.due('firstVisit')}\" camunda:resultVariable=\"due\"", "")
        .replace("<sequenceFlow id=\"toFinished\" sourceRef=\"step\" targetRef=\"finished\" />",
            "<sequenceFlow id=\"toFinished\" sourceRef=\"step\" targetRef=\"finished\"><conditionExpression xsi:type=\"tFormalExpression\">${!approved &amp;&amp; source != 'MEDICAL_SCREENING' || task.name == processSettings.retryCycle}</conditionExpression></sequenceFlow>");
    var deployment = repository.createDeployment().addString("plain.bpmn", xml).deploy();
    try {
      assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("plain").count()).isEqualTo(1);
    } finally {
      repository.deleteDeployment(deployment.getId(), true);
    }
  }
}
