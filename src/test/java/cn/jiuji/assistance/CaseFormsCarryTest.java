package cn.jiuji.assistance;

import static cn.jiuji.assistance.CaseFixtures.*;
import static cn.jiuji.assistance.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import cn.jiuji.ApplicationTest;
import cn.jiuji.base.RuleBreak;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Forms that carry the case (SPEC §11): each review starts from the amount of the step before and
 * keeps its own; a case below its threshold goes on only with a written reason.
 */
@ApplicationTest
class CaseFormsCarryTest {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;

  ProcessInstance atSecondReview(String category, double selfPaid, long proposed, Map<String, Object> opinionExtra) {
    ProcessInstance pi = runtime.startProcessInstanceByKey(CaseVariables.PROCESS_KEY, start("xunzhong", category, selfPaid));
    complete(task(FIRST_VISIT, pi), visit(true, false));
    Map<String, Object> opinion = new HashMap<>(opinion(true, proposed, 0));
    opinion.putAll(opinionExtra);
    complete(task(PRELIMINARY_OPINION, pi), opinion);
    return pi;
  }

  @Test
  void theReviewStartsFromTheProposedAmountAndTheApprovalFromTheReviewedOneEachKeepingItsOwn() {
    ProcessInstance pi = atSecondReview("GENERAL", 132_667, 19_900, Map.of());
    String review = task(SECOND_REVIEW, pi).getId();
    assertThat(tasks.getVariable(review, "reviewedAmount")).isEqualTo(19_900L);
    // not the case's yet: nobody has reviewed anything
    assertThat(runtime.getVariableLocal(pi.getId(), "reviewedAmount")).isNull();

    complete(task(SECOND_REVIEW, pi), review(true, 18_000));
    assertThat(runtime.getVariable(pi.getId(), "proposedAmount")).isEqualTo(19_900L);
    assertThat(runtime.getVariableLocal(pi.getId(), "reviewedAmount")).isEqualTo(18_000L);
    String approval = task(GROUP_APPROVAL, pi).getId();
    assertThat(tasks.getVariable(approval, "approvedAmount")).isEqualTo(18_000L);
    assertThat(runtime.getVariableLocal(pi.getId(), "approvedAmount")).isNull();

    complete(task(GROUP_APPROVAL, pi), approval(true, 17_500));
    assertThat(runtime.getVariable(pi.getId(), "proposedAmount")).isEqualTo(19_900L);
    assertThat(runtime.getVariable(pi.getId(), "reviewedAmount")).isEqualTo(18_000L);
    assertThat(runtime.getVariable(pi.getId(), "approvedAmount")).isEqualTo(17_500L);
    // the history tells the starting value (in the step) from the decision (in the case)
    var reviewed = history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("reviewedAmount").list();
    assertThat(reviewed).extracting(v -> v.getActivityInstanceId().equals(pi.getId())).containsExactlyInAnyOrder(true, false);
  }

  @Test
  void aCaseBelowItsThresholdIsRecommendedOnlyWithAReason() {
    // 一般困难群众: threshold 80000 yuan of self-paid costs in two years
    ProcessInstance pi = runtime.startProcessInstanceByKey(CaseVariables.PROCESS_KEY, start("xunzhong", "GENERAL", 45_000));
    assertThat(runtime.getVariable(pi.getId(), "eligible")).isEqualTo(false);
    complete(task(FIRST_VISIT, pi), visit(true, false));

    assertThatThrownBy(() -> complete(task(PRELIMINARY_OPINION, pi), opinion(true, 6_000, 0)))
        .isInstanceOf(RuleBreak.class)
        .hasMessage("本案两年个人自付医疗费用 45000 元低于救助门槛 80000 元，建议救助须写明低于门槛的理由");
    Map<String, Object> blank = new HashMap<>(opinion(true, 6_000, 0));
    blank.put("belowThresholdReason", "\u3000 ");
    assertThatThrownBy(() -> complete(task(PRELIMINARY_OPINION, pi), blank))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("须写明低于门槛的理由");
    assertThat(pi).isWaitingAt(PRELIMINARY_OPINION);

    Map<String, Object> reasoned = new HashMap<>(opinion(true, 6_000, 0));
    reasoned.put("belowThresholdReason", "患儿仍需长期治疗，家庭无其他收入");
    complete(task(PRELIMINARY_OPINION, pi), reasoned);
    assertThat(pi).isWaitingAt(SECOND_REVIEW);
  }

  @Test
  void sayingNoToACaseBelowItsThresholdNeedsNoReasonAndACaseAboveItNeverDoes() {
    ProcessInstance below = runtime.startProcessInstanceByKey(CaseVariables.PROCESS_KEY, start("xunzhong", "GENERAL", 45_000));
    complete(task(FIRST_VISIT, below), visit(true, false));
    complete(task(PRELIMINARY_OPINION, below), opinion(false, 0, 0));
    assertThat(below).isEnded();

    ProcessInstance above = atSecondReview("DIBAO", 45_000, 9_000, Map.of());
    assertThat(runtime.getVariable(above.getId(), "eligible")).isEqualTo(true);
    complete(task(SECOND_REVIEW, above), review(true, 9_000));
    complete(task(GROUP_APPROVAL, above), approval(true, 9_000));
    assertThat(above).isWaitingAt(DISBURSE);
  }

  @Test
  void theGroupApprovesACaseBelowItsThresholdWithItsOwnReasonBesideTheTownships() {
    ProcessInstance pi = atSecondReview("GENERAL", 45_000, 6_000, Map.of("belowThresholdReason", "患儿仍需长期治疗"));
    complete(task(SECOND_REVIEW, pi), review(true, 6_000));
    String approval = task(GROUP_APPROVAL, pi).getId();
    assertThat(tasks.getVariable(approval, "townshipBelowThresholdReason")).isEqualTo("患儿仍需长期治疗");
    assertThat(tasks.getVariable(approval, "belowThresholdReason")).as("the group writes its own").isNull();

    assertThatThrownBy(() -> complete(task(GROUP_APPROVAL, pi), approval(true, 6_000)))
        .isInstanceOf(RuleBreak.class)
        .hasMessage("本案两年个人自付医疗费用 45000 元低于救助门槛 80000 元，批准救助须写明低于门槛的理由");
    Map<String, Object> reasoned = new HashMap<>(approval(true, 6_000));
    reasoned.put("belowThresholdReason", "领导小组研究同意个案救助");
    complete(task(GROUP_APPROVAL, pi), reasoned);

    assertThat(pi).isWaitingAt(DISBURSE);
    // the case keeps the township's reason; the group's stays with its step in the history
    assertThat(runtime.getVariable(pi.getId(), "belowThresholdReason")).isEqualTo("患儿仍需长期治疗");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("belowThresholdReason").list())
        .extracting(v -> (String) v.getValue())
        .containsExactlyInAnyOrder("患儿仍需长期治疗", "领导小组研究同意个案救助");
  }

  @Test
  void turningDownACaseBelowItsThresholdNeedsNoReason() {
    ProcessInstance pi = atSecondReview("GENERAL", 45_000, 6_000, Map.of("belowThresholdReason", "患儿仍需长期治疗"));
    complete(task(SECOND_REVIEW, pi), review(true, 6_000));
    complete(task(GROUP_APPROVAL, pi), approval(false, 6_000));
    assertThat(pi).isEnded();
  }
}
