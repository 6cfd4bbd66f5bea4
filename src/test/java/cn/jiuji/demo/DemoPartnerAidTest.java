package cn.jiuji.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.jiuji.ApplicationTest;
import cn.jiuji.ledger.Grant;
import cn.jiuji.ledger.GrantSource;
import cn.jiuji.ledger.Ledger;
import cn.jiuji.ledger.MonthlyAidPlans;
import java.math.BigDecimal;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ApplicationTest
class DemoPartnerAidTest {

  @Autowired DemoCases demo;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired Ledger ledger;
  @Autowired MonthlyAidPlans plans;

  @Test
  void theArticlesCaseHasItsWholePackage29900AndTheFederations2500AMonthRunning() {
    demo.createOnce();
    var article = runtime.createProcessInstanceQuery().variableValueEquals("householdHead", "颜某斌")
        .variableValueEquals(DemoCases.DEMO, true).singleResult();
    String caseNo = article.getBusinessKey();

    assertThat(ledger.grantsOfCase(caseNo)).extracting(Grant::source, g -> g.amount().longValue(), Grant::approvedBy)
        .containsExactly(tuple(GrantSource.CIVIL_AFFAIRS_CASE, 19_900L, "group1"),
            tuple(GrantSource.TOWNSHIP_TEMPORARY, 5_000L, "sanban1"), tuple(GrantSource.CHARITY, 5_000L, "charity1"));
    // all of it paid: the bank has reported the county's grant paid
    assertThat(ledger.grantsOfCase(caseNo)).extracting(Grant::status).containsOnly(cn.jiuji.ledger.GrantStatus.PAID);
    assertThat(ledger.grantsOfCase(caseNo).stream().map(Grant::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo("29900");
    assertThat(plans.ofCase(caseNo)).singleElement().satisfies(plan -> {
      assertThat(plan.source()).isEqualTo(GrantSource.DISABLED_FEDERATION);
      assertThat(plan.monthlyAmount()).isEqualByComparingTo("2500");
      assertThat(plan.stoppedAt()).isNull();
    });
    // running: the federation's next month is scheduled and it may stop the aid early
    var federation = runtime.createProcessInstanceQuery().processDefinitionKey("partnerReferral")
        .processInstanceBusinessKey(caseNo).variableValueEquals("department", "DISABLED_FEDERATION").singleResult();
    assertThat(management.createJobQuery().processInstanceId(federation.getId()).activityId("monthlyPaymentDue")
        .count()).isEqualTo(1);
    assertThat(tasks.createTaskQuery().processInstanceId(federation.getId()).taskCandidateGroup("disabledFederation")
        .singleResult().getTaskDefinitionKey()).isEqualTo("stopMonthlyAid");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("partnerReferral")
        .processInstanceBusinessKey(caseNo).count()).as("the one-off referrals have ended").isEqualTo(1);
  }
}
