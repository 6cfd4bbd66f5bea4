package cn.jiuji.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import cn.jiuji.ledger.BankPayments;
import cn.jiuji.ledger.GrantStatus;
import cn.jiuji.ledger.Ledger;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ApplicationTest
class DemoPaymentsTest {

  @Autowired DemoPayments demo;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired Ledger ledger;
  @Autowired BankPayments bank;

  @Test
  void oneCaseIsPaidByTheBankAndOneFailedTransferWaitsForSanbanToCorrectIt() {
    assertThat(demo.createOnce()).isEqualTo(2);
    assertThat(demo.createOnce()).as("a second start adds nothing").isZero();

    var cases = runtime.createProcessInstanceQuery().processDefinitionKey("temporaryAssistance")
        .variableValueEquals(DemoPayments.DEMO, true).orderByProcessInstanceId().asc().list();
    assertThat(cases).hasSize(2);
    ProcessInstance paid = cases.stream().filter(pi -> "吴某强".equals(runtime.getVariable(pi.getId(), "householdHead")))
        .findFirst().orElseThrow();
    ProcessInstance failed = cases.stream().filter(pi -> "连某梅".equals(runtime.getVariable(pi.getId(), "householdHead")))
        .findFirst().orElseThrow();
    assertThat(ledger.grantsOfCase(paid.getBusinessKey())).singleElement().satisfies(g -> {
      assertThat(g.status()).isEqualTo(GrantStatus.PAID);
      assertThat(g.amount()).isEqualByComparingTo("14400");
      assertThat(g.batchNo()).isEqualTo(paid.getBusinessKey());
    });
    assertThat(ledger.grantsOfCase(failed.getBusinessKey())).singleElement()
        .extracting(g -> g.status()).isEqualTo(GrantStatus.FAILED);

    var correction = tasks.createTaskQuery().processDefinitionKey("paymentCorrection")
        .processInstanceBusinessKey(failed.getBusinessKey()).singleResult();
    assertThat(correction.getTaskDefinitionKey()).isEqualTo("correctPayment");
    assertThat(tasks.createTaskQuery().taskId(correction.getId()).taskCandidateGroup("townshipSanban").count()).isEqualTo(1);
    assertThat(runtime.getVariable(correction.getExecutionId(), "failureReason")).isEqualTo(DemoPayments.FAILURE);
    assertThat(runtime.getVariable(correction.getExecutionId(), "previousAccountMasked")).isEqualTo("***************3309");
    assertThat(bank.paymentList(failed.getBusinessKey())).isEmpty();
  }
}
