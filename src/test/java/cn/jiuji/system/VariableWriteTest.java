package cn.jiuji.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VariableWriteTest {

  static Optional<VariableWrite> of(String method, String path) {
    return VariableWrite.of(method, Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList());
  }

  @Test
  void everyWayToSendVariablesWithATaskIsCheckedAgainstItsForm() {
    for (String operation : List.of("complete", "submit-form", "resolve")) {
      assertThat(of("POST", "task/t1/" + operation)).contains(
          new VariableWrite.TaskBody("t1", VariableWrite.COMPLETION));
    }
    assertThat(of("POST", "task/t1/variables")).contains(new VariableWrite.TaskPatch("t1"));
    assertThat(of("POST", "task/t1/localVariables")).contains(new VariableWrite.TaskPatch("t1"));
    assertThat(of("PUT", "task/t1/variables/township")).contains(new VariableWrite.TaskVariable("t1", "township", false));
    assertThat(of("DELETE", "task/t1/localVariables/caseNo")).contains(new VariableWrite.TaskVariable("t1", "caseNo", true));
    assertThat(of("POST", "task/t1/variables/scan/data")).contains(new VariableWrite.TaskVariable("t1", "scan", false));
    assertThat(of("POST", "task/t1/bpmnError")).containsInstanceOf(VariableWrite.AdministratorsOnly.class);
    assertThat(of("POST", "task/t1/bpmnEscalation")).containsInstanceOf(VariableWrite.AdministratorsOnly.class);
  }

  @Test
  void everyWayToStartAProcessIsCheckedAgainstItsStartForm() {
    assertThat(of("POST", "process-definition/pd1/start")).contains(new VariableWrite.Start("pd1", null, null));
    assertThat(of("POST", "process-definition/pd1/submit-form")).contains(new VariableWrite.Start("pd1", null, null));
    assertThat(of("POST", "process-definition/key/temporaryAssistance/submit-form"))
        .contains(new VariableWrite.Start(null, "temporaryAssistance", null));
    assertThat(of("POST", "process-definition/key/temporaryAssistance/tenant-id/t/start"))
        .contains(new VariableWrite.Start(null, "temporaryAssistance", "t"));
    assertThat(of("POST", "process-definition/key/temporaryAssistance/restart"))
        .containsInstanceOf(VariableWrite.AdministratorsOnly.class);
  }

  @Test
  void variablesWithoutAFormAreForAdministratorsOnly() {
    assertThat(of("PUT", "process-instance/p1/variables/approvedAmount")).contains(new VariableWrite.Unformed(true));
    assertThat(of("POST", "process-instance/p1/variables")).contains(new VariableWrite.Unformed(true));
    assertThat(of("PUT", "execution/e1/localVariables/x")).contains(new VariableWrite.Unformed(true));
    assertThat(of("POST", "message")).contains(new VariableWrite.Unformed(false));
    assertThat(of("POST", "external-task/x1/complete")).contains(new VariableWrite.Unformed(false));
    assertThat(of("POST", "process-instance/p1/modification")).contains(new VariableWrite.Unformed(false));
  }

  @Test
  void readingAndQueryingAreNoWrites() {
    assertThat(of("GET", "task/t1/variables/township")).isEmpty();
    assertThat(of("POST", "task")).as("the task query").isEmpty();
    assertThat(of("POST", "process-instance")).as("the instance query").isEmpty();
    assertThat(of("POST", "filter/f1/list")).isEmpty();
    assertThat(of("POST", "decision-definition/key/assistanceEligibility/evaluate")).isEmpty();
    assertThat(of("POST", "task/t1/claim")).isEmpty();
  }

  @Test
  void pathsMatchWhateverTheirCase() {
    assertThat(of("POST", "TASK/t1/Complete")).contains(new VariableWrite.TaskBody("t1", VariableWrite.COMPLETION));
  }
}
