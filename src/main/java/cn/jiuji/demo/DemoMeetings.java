package cn.jiuji.demo;

import cn.jiuji.assistance.CaseVariables;
import cn.jiuji.assistance.Elements;
import cn.jiuji.base.CountyClock;
import cn.jiuji.household.IdNumbers;
import cn.jiuji.identity.Groups;
import cn.jiuji.meeting.MeetingVariables;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Demo meetings (SPEC §8) of the default profile, made after the demo cases: one leading-group
 * meeting already held a week ago, whose batch approved two families, and two more cases that
 * civil affairs has reviewed since, waiting with the other demo case at groupApproval for the next
 * meeting, so that civil1 can call it and group1 decide it. Created once.
 */
@Component
public class DemoMeetings {

  private static final Logger LOG = LoggerFactory.getLogger(DemoMeetings.class);
  static final String DEMO_MEETING = "demoMeeting";

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final HistoryService history;
  private final IdentityService identity;
  private final CountyClock clock;
  private final ObjectMapper json = new ObjectMapper();

  DemoMeetings(RuntimeService runtime, TaskService tasks, HistoryService history, IdentityService identity,
      CountyClock clock) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.history = history;
    this.identity = identity;
    this.clock = clock;
  }

  /** Holds the demo meeting and brings the next cases to the approval unless done before; returns the cases made. */
  public synchronized int createOnce() {
    if (history.createHistoricProcessInstanceQuery().processDefinitionKey(MeetingVariables.PROCESS_KEY).count() > 0) {
      return 0;
    }
    ProcessInstance first = caseAtApproval("王某强", "35052619760411008", "xunzhong", "浔东村", "GENERAL", 126_000,
        18_900, "妻子乳腺癌手术及化疗，两个孩子在读");
    ProcessInstance second = caseAtApproval("刘某芳", "35052619840623009", "longxun", "龙津村", "DIBAO", 72_500,
        14_500, "低保户，户主尿毒症长期透析");
    String date = clock.today().minusDays(7).toString();
    String title = clock.year() + "年第1次县社会救助领导小组会议";
    ProcessInstance meeting = runtime.startProcessInstanceByKey(MeetingVariables.PROCESS_KEY,
        Map.of(MeetingVariables.MEETING_DATE.name(), date, MeetingVariables.MEETING_TITLE.name(), title));
    ArrayNode decisions = json.createArrayNode();
    for (var entry : List.of(first, second)) {
      ObjectNode decision = decisions.addObject().put("caseNo", entry.getBusinessKey()).put("approved", true);
      decision.put("approvedAmount", (Long) runtime.getVariable(entry.getId(), CaseVariables.REVIEWED_AMOUNT.name()));
      decision.put("approvalNote", "经会议集体研究，同意按审核金额救助").put("capOverride", false);
    }
    Map<String, Object> form = new HashMap<>();
    form.put(MeetingVariables.DECISIONS, SpinValues.jsonValue(decisions.toString()).create());
    form.put(MeetingVariables.ATTENDEES.name(), "郑组长（主持）、黄组员、苏组员；列席：陈民政");
    form.put(MeetingVariables.MINUTES.name(), "会议听取了县民政局救助股关于本批次临时救助案件的汇报，逐案研究，"
        + "同意王某强、刘某芳两户按审核金额给予一事一议临时救助。其余案件暂缓，待补充材料后提交下次会议。");
    String decisionTask = tasks.createTaskQuery().processInstanceId(meeting.getId()).singleResult().getId();
    identity.setAuthentication("group1", List.of(Groups.LEADING_GROUP));
    try {
      tasks.complete(decisionTask, form);
    } finally {
      identity.clearAuthentication();
    }
    // reviewed since the meeting: for the next one
    caseAtApproval("张某梅", "35052619690214010", "sanban", "三班村", "TEKUN", 51_800, 10_360, "特困老人，髋关节置换手术");
    caseAtApproval("吴某军", "35052619910830011", "leifeng", "雷峰村", "GENERAL", 95_300, 14_295,
        "户主工伤截肢，家庭无其他收入");
    LOG.info("Demo meeting held: batch {}", runtime.getVariable(first.getId(), CaseVariables.BATCH_NO.name()));
    return 4;
  }

  private ProcessInstance caseAtApproval(String head, String id17, String township, String village, String category,
      double selfPaid, long amount, String findings) {
    Map<String, Object> start = new HashMap<>();
    start.put(CaseVariables.HOUSEHOLD_HEAD.name(), head);
    start.put(CaseVariables.ID_NUMBER.name(), IdNumbers.withCheckCharacter(id17));
    start.put(CaseVariables.TOWNSHIP.name(), township);
    start.put(CaseVariables.VILLAGE.name(), village);
    start.put(CaseVariables.CATEGORY.name(), category);
    start.put(CaseVariables.SELF_PAID_TWO_YEARS.name(), selfPaid);
    start.put(CaseVariables.SOURCE.name(), "FIELD_DISCOVERY");
    start.put(CaseVariables.EMERGENCY.name(), false);
    start.put(DEMO_MEETING, true);
    ProcessInstance pi = runtime.startProcessInstanceByKey(CaseVariables.PROCESS_KEY, start);
    complete(pi, Elements.FIRST_VISIT, Map.of("visitConfirmsHardship", true, "especiallyDifficult", false,
        "householdSize", 3L, "visitFindings", findings,
        // the family's 一卡通 account, where the county's grant goes (a demo number from the case's own figures)
        "bankAccount", "62303513" + String.format("%011d", Math.abs((long) findings.hashCode()) % 100_000_000_000L),
        "bankName", "德化县农村信用合作联社"));
    complete(pi, Elements.PRELIMINARY_OPINION, Map.of("recommend", true, "proposedAmount", amount,
        "proposedTopUp", 0L, "opinion", "情况属实，建议按比例救助"));
    complete(pi, Elements.SECOND_REVIEW, Map.of("reviewPassed", true, "reviewedAmount", amount,
        "reviewNote", "再次入户核实无误，同意提交领导小组研究"));
    return pi;
  }

  private void complete(ProcessInstance pi, String step, Map<String, Object> answers) {
    tasks.complete(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(step).singleResult().getId(),
        answers);
  }
}
