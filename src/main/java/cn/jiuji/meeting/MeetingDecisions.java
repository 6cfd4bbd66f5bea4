package cn.jiuji.meeting;

import static cn.jiuji.assistance.CaseVariables.*;
import static cn.jiuji.meeting.MeetingVariables.*;

import cn.jiuji.assistance.Elements;
import cn.jiuji.base.CountyClock;
import cn.jiuji.base.FormValues;
import cn.jiuji.base.RuleBreak;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * The complete listener of {@code meetingDecision} (SPEC §8): the leading group's decisions complete
 * each decided case's own {@code groupApproval} task, so that the task's own listeners apply the
 * rules of a single approval (caseRules.groupApproval) and the separation of duties
 * (signOffChain), with the member who submits the meeting's form as the one who signs. All in the
 * meeting's transaction: one decision that breaks a rule refuses the whole submission, its message
 * naming the case, and nothing changes. The decided cases form the meeting's batch, whose number
 * each case gets as {@code batchNo} before its approval completes; a case left out (or marked
 * {@code "later"}) stays at groupApproval for the next meeting.
 */
@Component("meetingDecisions")
public class MeetingDecisions {

  private static final int CHUNK = 500;
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MeetingDecisions.class);

  private final TaskService tasks;
  private final IdentityService identity;
  private final Batches batches;
  private final CountyClock clock;
  private final ObjectMapper json = new ObjectMapper();

  MeetingDecisions(TaskService tasks, IdentityService identity, Batches batches,
      CountyClock clock) {
    this.tasks = tasks;
    this.identity = identity;
    this.batches = batches;
    this.clock = clock;
  }

  /** One case's decision as the meeting took it. */
  record Decision(String caseNo, String processInstanceId, boolean approved, Object approvedAmount,
      String approvalNote, boolean capOverride, String capOverrideReason, String belowThresholdReason) {}

  public void decide(DelegateTask task) {
    FormValues form = new FormValues(task);
    form.text(ATTENDEES, "出席人员", true);
    form.text(MINUTES, "会议纪要", true);
    Map<String, String> onAgenda = agenda(task);
    List<Decision> decided = decisions(task.getVariable(DECISIONS), onAgenda);

    Map<String, String> openApprovals = openApprovals(decided);
    for (Decision decision : decided) {
      if (!openApprovals.containsKey(decision.processInstanceId())) {
        throw RuleBreak.conflict("案件 " + decision.caseNo()
            + " 已不在“县社会救助领导小组研究审批”环节（已单独审批或已终止），请将其改为“暂缓”后再提交");
      }
    }
    String batchNo = null;
    if (!decided.isEmpty()) {
      List<String> taken = batches.alreadyInBatch(decided.stream().map(Decision::caseNo).toList());
      if (!taken.isEmpty()) {
        throw RuleBreak.conflict("案件 " + taken.get(0) + " 已由批次 " + batches.batchOf(taken.get(0)) + " 研究决定");
      }
      batchNo = batches.open(clock.year(), task.getProcessInstanceId(), LocalDate.parse(MEETING_DATE.from(task)),
          MEETING_TITLE.from(task), clock.now(), signer(task));
      batches.addCases(batchNo, decided.stream()
          .map(d -> new Batches.BatchCase(d.caseNo(), d.processInstanceId(), d.approved())).toList());
      long started = System.nanoTime();
      int done = 0;
      for (Decision decision : decided) {
        complete(decision, openApprovals.get(decision.processInstanceId()), batchNo);
        if (++done % 250 == 0 && LOG.isDebugEnabled()) {
          LOG.debug("batch {}: {} of {} approvals completed in {} ms", batchNo, done, decided.size(),
              (System.nanoTime() - started) / 1_000_000);
        }
      }
      BATCH_NO.set(task, batchNo);
    }
    task.setVariable(DECISIONS, SpinValues.jsonValue(decisionsTaken(decided)).create());
    DECIDED_COUNT.set(task, (long) decided.size());
    APPROVED_COUNT.set(task, decided.stream().filter(Decision::approved).count());
    DEFERRED_COUNT.set(task, (long) (onAgenda.size() - decided.size()));
  }

  /**
   * Completes the case's approval task as a single approval would be, under the meeting's batch.
   * The case's batchNo goes in with the decision, so it is on the case before the approval completes.
   */
  private void complete(Decision decision, String taskId, String batchNo) {
    Map<String, Object> variables = new HashMap<>();
    // set with the decision, before the approval's listeners run: on the case (no step has its own)
    variables.put(BATCH_NO.name(), batchNo);
    variables.put(APPROVED.name(), decision.approved());
    variables.put(APPROVED_AMOUNT.name(), decision.approvedAmount());
    variables.put(APPROVAL_NOTE.name(), decision.approvalNote());
    variables.put(CAP_OVERRIDE.name(), decision.capOverride());
    variables.put(CAP_OVERRIDE_REASON.name(), decision.capOverrideReason());
    variables.put(BELOW_THRESHOLD_REASON.name(), decision.belowThresholdReason());
    try {
      tasks.complete(taskId, variables);
    } catch (RuntimeException failure) {
      RuleBreak refused = RuleBreak.in(failure).orElse(null);
      if (refused == null) {
        throw failure;
      }
      throw new RuleBreak(refused.kind(), "案件 " + decision.caseNo() + "：" + refused.getMessage());
    }
  }

  /** The cases put before the meeting: case number to process instance. */
  private Map<String, String> agenda(DelegateTask task) {
    Map<String, String> agenda = new LinkedHashMap<>();
    for (JsonNode entry : read(task.getVariable(MEETING_CASES), "会议案件")) {
      agenda.put(entry.path("caseNo").asText(), entry.path("processInstanceId").asText());
    }
    return agenda;
  }

  /** The decided cases of the submitted decisions, in their order; entries not decided are left out. */
  private List<Decision> decisions(Object submitted, Map<String, String> onAgenda) {
    JsonNode entries = read(submitted, "研究决定");
    if (!entries.isArray()) {
      throw RuleBreak.badRequest("研究决定（decisions）应为 JSON 数组");
    }
    List<Decision> decided = new ArrayList<>();
    Map<String, Boolean> seen = new HashMap<>();
    int position = 0;
    for (JsonNode entry : entries) {
      position++;
      String caseNo = entry.isObject() ? FormValues.stripped(entry.path(CASE_NO.name()).asText("")) : "";
      if (caseNo.isEmpty()) {
        throw RuleBreak.badRequest("研究决定第 " + position + " 项没有案件编号（caseNo）");
      }
      if (!onAgenda.containsKey(caseNo)) {
        throw RuleBreak.badRequest("案件 " + caseNo + " 不在本次会议研究的案件之列");
      }
      if (seen.put(caseNo, true) != null) {
        throw RuleBreak.badRequest("案件 " + caseNo + " 在研究决定中出现了两次");
      }
      Boolean approved = choice(entry.get(APPROVED.name()), caseNo);
      if (approved == null) {
        continue;
      }
      decided.add(new Decision(caseNo, onAgenda.get(caseNo), approved, amount(entry.get(APPROVED_AMOUNT.name()), approved),
          text(entry, APPROVAL_NOTE.name()), flag(entry.get(CAP_OVERRIDE.name())), text(entry, CAP_OVERRIDE_REASON.name()),
          text(entry, BELOW_THRESHOLD_REASON.name())));
    }
    return decided;
  }

  /** true, false, or null for a case the meeting does not decide (missing, empty or "later"). */
  private static Boolean choice(JsonNode approved, String caseNo) {
    if (approved == null || approved.isNull()) {
      return null;
    }
    if (approved.isBoolean()) {
      return approved.booleanValue();
    }
    String text = approved.asText("");
    return switch (text) {
      case "true" -> true;
      case "false" -> false;
      case "", LATER -> null;
      default -> throw RuleBreak.badRequest("案件 " + caseNo + "：研究结果 “" + text + "” 无效，应为批准、不批准或暂缓");
    };
  }

  /** The amount as sent, for the approval's own rule to judge; a rejection needs none. */
  private static Object amount(JsonNode amount, boolean approved) {
    if (amount == null || amount.isNull() || amount.asText("").isBlank() && !amount.isNumber()) {
      return approved ? null : 0L;
    }
    if (amount.isIntegralNumber()) {
      return amount.longValue();
    }
    return amount.isNumber() ? amount.decimalValue().toPlainString() : amount.asText();
  }

  private static boolean flag(JsonNode value) {
    return value != null && (value.asBoolean(false) || "true".equals(value.asText()));
  }

  private static String text(JsonNode entry, String name) {
    JsonNode value = entry.get(name);
    return value == null || value.isNull() ? "" : value.asText("");
  }

  /** The decided cases' groupApproval tasks, by process instance. */
  private Map<String, String> openApprovals(List<Decision> decided) {
    Map<String, String> open = new HashMap<>();
    for (int from = 0; from < decided.size(); from += CHUNK) {
      String[] ids = decided.subList(from, Math.min(decided.size(), from + CHUNK)).stream()
          .map(Decision::processInstanceId).toArray(String[]::new);
      for (Task approval : tasks.createTaskQuery().processInstanceIdIn(ids)
          .taskDefinitionKey(Elements.GROUP_APPROVAL).active().listPage(0, CHUNK)) {
        open.put(approval.getProcessInstanceId(), approval.getId());
      }
    }
    return open;
  }

  private String decisionsTaken(List<Decision> decided) {
    ArrayNode taken = json.createArrayNode();
    for (Decision d : decided) {
      var entry = taken.addObject().put(CASE_NO.name(), d.caseNo()).put(APPROVED.name(), d.approved());
      entry.putPOJO(APPROVED_AMOUNT.name(), d.approvedAmount());
      entry.put(APPROVAL_NOTE.name(), d.approvalNote()).put(CAP_OVERRIDE.name(), d.capOverride())
          .put(CAP_OVERRIDE_REASON.name(), d.capOverrideReason())
          .put(BELOW_THRESHOLD_REASON.name(), d.belowThresholdReason());
    }
    return taken.toString();
  }

  private JsonNode read(Object value, String label) {
    if (value == null) {
      throw RuleBreak.badRequest("请填写：" + label);
    }
    try {
      if (value instanceof java.util.Collection<?> || value instanceof Map<?, ?>) {
        return json.valueToTree(value); // from the Java API
      }
      return json.readTree(value.toString());
    } catch (JsonProcessingException e) {
      throw RuleBreak.badRequest(label + "不是有效的 JSON");
    }
  }

  private String signer(DelegateTask task) {
    var authentication = identity.getCurrentAuthentication();
    if (authentication != null) {
      return authentication.getUserId();
    }
    return task.getAssignee() == null ? "system" : task.getAssignee();
  }
}
