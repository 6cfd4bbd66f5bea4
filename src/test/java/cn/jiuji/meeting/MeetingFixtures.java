package cn.jiuji.meeting;

import static cn.jiuji.assistance.CaseFixtures.*;

import cn.jiuji.assistance.CaseVariables;
import cn.jiuji.assistance.Elements;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/** Cases brought to the leading group's approval, meetings called and decided, as the tests need them. */
final class MeetingFixtures {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;

  MeetingFixtures(RuntimeService runtime, TaskService tasks, IdentityService identity) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.identity = identity;
  }

  /** A GENERAL case of 浔中镇 with the given self-paid total, reviewed at {@code reviewed} yuan. */
  ProcessInstance caseAtApproval(double selfPaid, long reviewed) {
    ProcessInstance pi = runtime.startProcessInstanceByKey(CaseVariables.PROCESS_KEY,
        start("xunzhong", "GENERAL", selfPaid));
    completeStep(pi, Elements.FIRST_VISIT, visit(true, false));
    completeStep(pi, Elements.PRELIMINARY_OPINION, opinion(true, reviewed, 0));
    completeStep(pi, Elements.SECOND_REVIEW, review(true, reviewed));
    return pi;
  }

  private void completeStep(ProcessInstance pi, String step, Map<String, Object> answers) {
    tasks.complete(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(step).singleResult().getId(),
        answers);
  }

  ProcessInstance callMeeting(String date, String title) {
    identity.setAuthentication("civil1", List.of("civilAffairs"));
    try {
      return runtime.startProcessInstanceByKey(MeetingVariables.PROCESS_KEY,
          Map.of("meetingDate", date, "meetingTitle", title));
    } finally {
      identity.clearAuthentication();
    }
  }

  static Map<String, Object> approve(ProcessInstance pi, long amount) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("caseNo", pi.getBusinessKey());
    d.put("approved", true);
    d.put("approvedAmount", amount);
    d.put("approvalNote", "会议研究同意救助");
    d.put("capOverride", false);
    d.put("capOverrideReason", "");
    return d;
  }

  static Map<String, Object> reject(ProcessInstance pi) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("caseNo", pi.getBusinessKey());
    d.put("approved", false);
    d.put("approvedAmount", 0L);
    d.put("approvalNote", "家庭已获商业保险赔付，不予救助");
    return d;
  }

  static Map<String, Object> later(ProcessInstance pi) {
    return Map.of("caseNo", pi.getBusinessKey(), "approved", MeetingVariables.LATER);
  }

  static JsonValue decisions(List<Map<String, Object>> decisions) {
    return SpinValues.jsonValue(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(decisions).toString())
        .create();
  }

  /** What the leading group submits: the decisions, who attended, the minutes. */
  static Map<String, Object> meetingForm(List<Map<String, Object>> decisions) {
    return Map.of("decisions", decisions(decisions), "attendees", "郑组长、黄组员、苏组员",
        "minutes", "会议逐案研究了提交的临时救助案件。");
  }

  /** Completes the meeting's decision task as {@code user} of the leading group. */
  void decide(ProcessInstance meeting, String user, List<Map<String, Object>> decisions) {
    String taskId = tasks.createTaskQuery().processInstanceId(meeting.getId()).singleResult().getId();
    identity.setAuthentication(user, List.of("leadingGroup"));
    try {
      tasks.complete(taskId, meetingForm(decisions));
    } finally {
      identity.clearAuthentication();
    }
  }
}
