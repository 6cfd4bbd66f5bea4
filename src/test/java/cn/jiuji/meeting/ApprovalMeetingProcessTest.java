package cn.jiuji.meeting;

import static cn.jiuji.meeting.MeetingFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.jiuji.ApplicationTest;
import cn.jiuji.TestClock;
import cn.jiuji.assistance.CaseFixtures;
import cn.jiuji.assistance.Elements;
import cn.jiuji.base.RuleBreak;
import cn.jiuji.identity.Groups;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of approvalMeeting.bpmn (coverage enforced at 100 %), SPEC §8 first half. */
@ApplicationTest
class ApprovalMeetingProcessTest {

  static final String DUAL = "meetdual1";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired Batches batches;
  @Autowired JdbcTemplate jdbc;
  final ObjectMapper json = new ObjectMapper();
  MeetingFixtures fixtures;

  @BeforeEach
  void emptyCounty() {
    fixtures = new MeetingFixtures(runtime, tasks, identity);
    // each test counts its own waiting cases and batches
    for (var pi : runtime.createProcessInstanceQuery().list()) {
      runtime.deleteProcessInstance(pi.getId(), "test", true, true);
    }
    jdbc.update("DELETE FROM batch_case");
    jdbc.update("DELETE FROM meeting_batch");
    jdbc.update("DELETE FROM batch_year");
  }

  @AfterEach
  void removeDualWorker() {
    if (identity.createUserQuery().userId(DUAL).count() > 0) {
      identity.deleteUser(DUAL);
    }
  }

  @Test
  void meetingApprovesAndRejectsItsCasesAsOneBatchAndDefersTheRest() throws Exception {
    ProcessInstance first = fixtures.caseAtApproval(100_000, 15_000);
    ProcessInstance second = fixtures.caseAtApproval(90_000, 13_500);
    ProcessInstance third = fixtures.caseAtApproval(85_000, 12_750);

    ProcessInstance meeting = fixtures.callMeeting("2026-06-12", "2026年第1次县社会救助领导小组会议");
    assertThat(meeting).isWaitingAt(MeetingVariables.MEETING_DECISION);
    assertThat(tasks.createTaskQuery().processInstanceId(meeting.getId()).singleResult())
        .satisfies(t -> assertThat(tasks.getIdentityLinksForTask(t.getId()))
            .anyMatch(link -> Groups.LEADING_GROUP.equals(link.getGroupId())));
    assertThat(runtime.getVariable(meeting.getId(), "convenedBy")).isEqualTo("civil1");
    assertThat(runtime.getVariable(meeting.getId(), "caseCount")).isEqualTo(3L);
    JsonNode agenda = json.readTree(runtime.getVariable(meeting.getId(), "decisions").toString());
    assertThat(agenda).hasSize(3);
    assertThat(agenda.get(0).path("caseNo").asText()).isEqualTo(first.getBusinessKey());
    assertThat(agenda.get(0).path("householdHead").asText()).isEqualTo("颜某斌");
    assertThat(agenda.get(0).path("townshipName").asText()).isEqualTo("浔中镇");
    assertThat(agenda.get(0).path("category").asText()).isEqualTo("GENERAL");
    assertThat(agenda.get(0).path("selfPaidTwoYears").asDouble()).isEqualTo(100_000.0);
    assertThat(agenda.get(0).path("suggestedAmount").asLong()).isEqualTo(15_000L);
    assertThat(agenda.get(0).path("proposedAmount").asLong()).isEqualTo(15_000L);
    assertThat(agenda.get(0).path("reviewedAmount").asLong()).isEqualTo(15_000L);
    assertThat(agenda.get(0).path("approvedAmount").asLong()).isEqualTo(15_000L);
    assertThat(agenda.get(0).path("capRemaining").asLong()).isEqualTo(40_000L);
    assertThat(agenda.get(0).path("opinion").asText()).isEqualTo("建议按比例救助");
    assertThat(agenda.get(0).path("reviewNote").asText()).isEqualTo("再次入户核实无误");
    assertThat(agenda.get(0).path("approved").asText()).isEqualTo("later");
    assertThat(agenda.get(0).has("idNumber")).as("no ID number on the agenda").isFalse();

    fixtures.decide(meeting, "group1", List.of(approve(first, 15_000), reject(second), later(third)));

    assertThat(meeting).isEnded().hasPassed(MeetingVariables.MEETING_HELD);
    assertThat(first).isWaitingAt(Elements.DISBURSE).variables()
        .containsEntry("batchNo", "2026-01").containsEntry("approvedAmount", 15_000L)
        .containsEntry("approvedBy", "group1");
    assertThat((String) runtime.getVariable(first.getId(), "signedOffBy")).contains("groupApproval:group1");
    assertThat(second).isEnded();
    assertThat(historicVariable(second, "batchNo")).isEqualTo("2026-01");
    assertThat(historicVariable(second, "rejectedAt")).isEqualTo(Elements.GROUP_APPROVAL);
    assertThat(third).isWaitingAt(Elements.GROUP_APPROVAL);
    assertThat(runtime.getVariable(third.getId(), "batchNo")).isNull();
    assertThat(batches.cases("2026-01")).extracting(Batches.BatchCase::caseNo, Batches.BatchCase::approved)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(first.getBusinessKey(), true),
            org.assertj.core.groups.Tuple.tuple(second.getBusinessKey(), false));
    assertThat(historicVariable(meeting, "batchNo")).isEqualTo("2026-01");
    assertThat(historicVariable(meeting, "approvedCount")).isEqualTo(1L);
    assertThat(historicVariable(meeting, "deferredCount")).isEqualTo(1L);
    JsonNode taken = json.readTree(historicVariable(meeting, "decisions").toString());
    assertThat(taken).hasSize(2);
    assertThat(taken.get(0).path("approved").asBoolean()).isTrue();

    // the deferred case is put before the next meeting, and forms its second batch
    ProcessInstance next = fixtures.callMeeting("2026-07-10", "2026年第2次县社会救助领导小组会议");
    assertThat(runtime.getVariable(next.getId(), "caseCount")).isEqualTo(1L);
    fixtures.decide(next, "group2", List.of(approve(third, 12_750)));
    assertThat(third).isWaitingAt(Elements.DISBURSE).variables().containsEntry("batchNo", "2026-02");
  }

  @Test
  void aDecisionBreakingARuleRefusesTheWholeSubmissionNamingTheCase() {
    ProcessInstance fine = fixtures.caseAtApproval(100_000, 15_000);
    ProcessInstance overCap = fixtures.caseAtApproval(100_000, 15_000);
    ProcessInstance meeting = fixtures.callMeeting("2026-06-12", "2026年第1次会议");

    Map<String, Object> tooMuch = approve(overCap, 45_000);
    tooMuch.put("approvalNote", "病情危重，需加大救助力度");
    assertThatThrownBy(() -> fixtures.decide(meeting, "group1", List.of(approve(fine, 15_000), tooMuch)))
        .satisfies(e -> assertThat(RuleBreak.in(e)).get().extracting(Throwable::getMessage)
            .isEqualTo("案件 " + overCap.getBusinessKey() + "：批准金额 45000 元（本次需发放 45000 元）超过家庭年度剩余额度 40000 元。"
                + "原则上不得突破年度上限；确需突破的，请勾选“突破家庭年度救助上限”并写明理由"));

    // nothing changed: both cases wait for the approval, no batch, the meeting is still open
    assertThat(fine).isWaitingAt(Elements.GROUP_APPROVAL);
    assertThat(overCap).isWaitingAt(Elements.GROUP_APPROVAL);
    assertThat(runtime.getVariable(fine.getId(), "batchNo")).isNull();
    assertThat(runtime.getVariable(fine.getId(), "approvedBy")).isNull();
    assertThat(String.valueOf(runtime.getVariable(fine.getId(), "signedOffBy"))).doesNotContain("groupApproval");
    assertThat(meeting).isWaitingAt(MeetingVariables.MEETING_DECISION);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meeting_batch", Integer.class)).isZero();

    // with the override and its reason the same meeting goes through, and takes the first number
    tooMuch.put("capOverride", true);
    tooMuch.put("capOverrideReason", "患儿需二次手术，经集体研究同意突破年度上限");
    fixtures.decide(meeting, "group1", List.of(approve(fine, 15_000), tooMuch));
    assertThat(overCap).isWaitingAt(Elements.DISBURSE).variables()
        .containsEntry("batchNo", "2026-01").containsEntry("capOverride", true);
  }

  @Test
  void refusesCasesNotOnTheAgendaTwiceOrWithoutAValidChoice() {
    ProcessInstance one = fixtures.caseAtApproval(100_000, 15_000);
    ProcessInstance meeting = fixtures.callMeeting("2026-06-12", "2026年第1次会议");
    ProcessInstance arrivedLater = fixtures.caseAtApproval(100_000, 15_000);

    assertThatThrownBy(() -> fixtures.decide(meeting, "group1", List.of(approve(arrivedLater, 15_000))))
        .hasMessageContaining("案件 " + arrivedLater.getBusinessKey() + " 不在本次会议研究的案件之列");
    assertThatThrownBy(() -> fixtures.decide(meeting, "group1", List.of(approve(one, 15_000), reject(one))))
        .hasMessageContaining("案件 " + one.getBusinessKey() + " 在研究决定中出现了两次");
    Map<String, Object> unclear = approve(one, 15_000);
    unclear.put("approved", "maybe");
    assertThatThrownBy(() -> fixtures.decide(meeting, "group1", List.of(unclear)))
        .hasMessageContaining("研究结果 “maybe” 无效");
    Map<String, Object> noNote = approve(one, 15_000);
    noNote.put("approvalNote", "\u3000 ");
    assertThatThrownBy(() -> fixtures.decide(meeting, "group1", List.of(noNote)))
        .hasMessageContaining("案件 " + one.getBusinessKey() + "：请填写：审批意见");
    assertThat(one).isWaitingAt(Elements.GROUP_APPROVAL);
    assertThat(meeting).isWaitingAt(MeetingVariables.MEETING_DECISION);
  }

  @Test
  void anUrgentCaseIsApprovedOnItsOwnBesideTheMeetingAndBelongsToNoBatch() {
    ProcessInstance urgent = fixtures.caseAtApproval(100_000, 15_000);
    ProcessInstance ordinary = fixtures.caseAtApproval(90_000, 13_500);
    ProcessInstance meeting = fixtures.callMeeting("2026-06-12", "2026年第1次会议");

    String approval = tasks.createTaskQuery().processInstanceId(urgent.getId())
        .taskDefinitionKey(Elements.GROUP_APPROVAL).singleResult().getId();
    identity.setAuthentication("group3", List.of(Groups.LEADING_GROUP));
    try {
      tasks.complete(approval, CaseFixtures.approval(true, 15_000));
    } finally {
      identity.clearAuthentication();
    }
    assertThat(urgent).isWaitingAt(Elements.DISBURSE);

    // the meeting cannot decide it again
    assertThatThrownBy(() -> fixtures.decide(meeting, "group1", List.of(approve(urgent, 15_000), approve(ordinary, 13_500))))
        .satisfies(e -> assertThat(RuleBreak.in(e)).get().satisfies(r -> {
          assertThat(r.kind()).isEqualTo(RuleBreak.Kind.CONFLICT);
          assertThat(r.getMessage()).startsWith("案件 " + urgent.getBusinessKey() + " 已不在“县社会救助领导小组研究审批”环节");
        }));
    fixtures.decide(meeting, "group1", List.of(later(urgent), approve(ordinary, 13_500)));
    assertThat(ordinary).isWaitingAt(Elements.DISBURSE).variables().containsEntry("batchNo", "2026-01");
    assertThat(runtime.getVariable(urgent.getId(), "batchNo")).isNull();
    assertThat(batches.batchOf(urgent.getBusinessKey())).isNull();
  }

  @Test
  void batchesAreNumberedPerCalendarYearOfTheCounty() {
    ProcessInstance june = fixtures.caseAtApproval(100_000, 15_000);
    fixtures.decide(fixtures.callMeeting("2026-06-12", "六月会议"), "group1", List.of(approve(june, 15_000)));
    ProcessInstance december = fixtures.caseAtApproval(100_000, 15_000);
    // 23:30 on 31 December in the county is still 2026 there (15:30 UTC)
    TestClock.pin(LocalDateTime.of(2026, 12, 31, 23, 30));
    fixtures.decide(fixtures.callMeeting("2026-12-31", "年末会议"), "group1", List.of(approve(december, 15_000)));
    TestClock.pin(LocalDateTime.of(2027, 1, 6, 9, 0));
    ProcessInstance january = fixtures.caseAtApproval(100_000, 15_000);
    fixtures.decide(fixtures.callMeeting("2027-01-06", "2027年第1次会议"), "group1", List.of(approve(january, 15_000)));

    assertThat(runtime.getVariable(june.getId(), "batchNo")).isEqualTo("2026-01");
    assertThat(runtime.getVariable(december.getId(), "batchNo")).isEqualTo("2026-02");
    assertThat(runtime.getVariable(january.getId(), "batchNo")).isEqualTo("2027-01");
  }

  @Test
  void aMeetingThatDefersEveryCaseFormsNoBatch() {
    ProcessInstance one = fixtures.caseAtApproval(100_000, 15_000);
    ProcessInstance meeting = fixtures.callMeeting("2026-06-12", "2026年第1次会议");
    fixtures.decide(meeting, "group1", List.of());
    assertThat(meeting).isEnded();
    assertThat(historicVariable(meeting, "batchNo")).isNull();
    assertThat(historicVariable(meeting, "deferredCount")).isEqualTo(1L);
    assertThat(one).isWaitingAt(Elements.GROUP_APPROVAL);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM batch_year", Integer.class)).isZero();
  }

  @Test
  void whoReviewedACaseCannotApproveItInTheMeeting() {
    var user = identity.newUser(DUAL);
    user.setLastName("兼职员");
    identity.saveUser(user);
    identity.createMembership(DUAL, Groups.CIVIL_AFFAIRS);
    identity.createMembership(DUAL, Groups.LEADING_GROUP);
    ProcessInstance pi = runtime.startProcessInstanceByKey(cn.jiuji.assistance.CaseVariables.PROCESS_KEY,
        CaseFixtures.start("xunzhong", "GENERAL", 100_000));
    for (var step : List.of(Map.entry(Elements.FIRST_VISIT, CaseFixtures.visit(true, false)),
        Map.entry(Elements.PRELIMINARY_OPINION, CaseFixtures.opinion(true, 15_000, 0)))) {
      tasks.complete(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId(), step.getValue());
    }
    identity.setAuthentication(DUAL, List.of(Groups.CIVIL_AFFAIRS, Groups.LEADING_GROUP));
    try {
      tasks.complete(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId(),
          CaseFixtures.review(true, 15_000));
    } finally {
      identity.clearAuthentication();
    }
    ProcessInstance meeting = fixtures.callMeeting("2026-06-12", "2026年第1次会议");

    assertThatThrownBy(() -> fixtures.decide(meeting, DUAL, List.of(approve(pi, 15_000))))
        .hasMessageContaining("案件 " + pi.getBusinessKey() + "：您已办理本案件的“民政再次入户审核”，按规定不能再办理“县社会救助领导小组研究审批”");
    assertThat(pi).isWaitingAt(Elements.GROUP_APPROVAL);
    fixtures.decide(meeting, "group1", List.of(approve(pi, 15_000)));
    assertThat(pi).isWaitingAt(Elements.DISBURSE);
  }

  @Test
  void onlyCivilAffairsCallsAMeetingAndOnlyTheLeadingGroupDecidesIt() {
    ProcessInstance one = fixtures.caseAtApproval(100_000, 15_000);
    Map<String, Object> start = Map.of("meetingDate", "2026-06-12", "meetingTitle", "会议");
    assertThatThrownBy(() -> startAs("leader1", Groups.CIVIL_AFFAIRS_LEADERS, start))
        .hasMessageContaining("县社会救助领导小组会议只能由县民政局救助股召集");
    assertThatThrownBy(() -> startAs("group1", Groups.LEADING_GROUP, start)).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> startAs("xunzhong1", Groups.township("xunzhong"), start))
        .isInstanceOf(AuthorizationException.class);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(MeetingVariables.PROCESS_KEY).count()).isZero();

    ProcessInstance meeting = fixtures.callMeeting("2026-06-12", "2026年第1次会议");
    String decision = tasks.createTaskQuery().processInstanceId(meeting.getId()).singleResult().getId();
    identity.setAuthentication("civil1", List.of(Groups.CIVIL_AFFAIRS));
    try {
      assertThatThrownBy(() -> tasks.complete(decision, meetingForm(List.of(approve(one, 15_000)))))
          .isInstanceOf(AuthorizationException.class);
    } finally {
      identity.clearAuthentication();
    }
    assertThat(one).isWaitingAt(Elements.GROUP_APPROVAL);
  }

  @Test
  void aMeetingNeedsCasesADateAndATitle() {
    assertThatThrownBy(() -> fixtures.callMeeting("2026-06-12", "会议"))
        .hasMessageContaining("目前没有等待县社会救助领导小组研究审批的案件，无需召开会议");
    fixtures.caseAtApproval(100_000, 15_000);
    assertThatThrownBy(() -> fixtures.callMeeting("2026-13-01", "会议"))
        .hasMessageContaining("会议日期 “2026-13-01” 不是有效的日期");
    assertThatThrownBy(() -> fixtures.callMeeting("2026-06-12", " "))
        .hasMessageContaining("请填写：会议名称");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(MeetingVariables.PROCESS_KEY).count()).isZero();
  }

  private void startAs(String user, String group, Map<String, Object> start) {
    identity.setAuthentication(user, List.of(group));
    try {
      runtime.startProcessInstanceByKey(MeetingVariables.PROCESS_KEY, start);
    } finally {
      identity.clearAuthentication();
    }
  }

  private Object historicVariable(ProcessInstance pi, String name) {
    var found = org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService()
        .createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName(name).list();
    return found.stream().filter(v -> v.getActivityInstanceId().equals(pi.getId()) || found.size() == 1)
        .map(v -> v.getValue()).findFirst().orElse(null);
  }
}
