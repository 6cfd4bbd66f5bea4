package cn.jiuji.meeting;

import static cn.jiuji.assistance.CaseVariables.*;
import static cn.jiuji.meeting.MeetingVariables.*;

import cn.jiuji.assistance.Elements;
import cn.jiuji.base.CountyClock;
import cn.jiuji.base.FormValues;
import cn.jiuji.base.RuleBreak;
import cn.jiuji.identity.Groups;
import cn.jiuji.ledger.Ledger;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * {@code gatherCases} of approvalMeeting.bpmn: puts every case then waiting at {@code groupApproval}
 * before the meeting (SPEC §8), with what the leading group reads about each, in the start's
 * transaction; a start without a date, a title or any case to decide is refused and starts nothing.
 */
@Component("meetingAgenda")
public class MeetingAgenda implements JavaDelegate {

  /** Cases read per query: their variables stay well inside the engine's result limit. */
  private static final int CHUNK = 50;
  private static final List<String> SHOWN = List.of(CASE_NO.name(), HOUSEHOLD_HEAD.name(), TOWNSHIP_NAME.name(),
      VILLAGE.name(), CATEGORY.name(), SELF_PAID_TWO_YEARS.name(), SUGGESTED_AMOUNT.name(), PROPOSED_AMOUNT.name(),
      REVIEWED_AMOUNT.name(), ADVANCE_AMOUNT.name(), ELIGIBLE.name(), THRESHOLD.name(), OPINION.name(),
      REVIEW_NOTE.name(), BELOW_THRESHOLD_REASON.name(), ID_NUMBER.name());

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final Ledger ledger;
  private final CountyClock clock;
  private final ObjectMapper json = new ObjectMapper();

  MeetingAgenda(TaskService tasks, RuntimeService runtime, IdentityService identity, Ledger ledger, CountyClock clock) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.identity = identity;
    this.ledger = ledger;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var authentication = identity.getCurrentAuthentication();
    if (authentication != null && (authentication.getGroupIds() == null
        || !authentication.getGroupIds().contains(Groups.CIVIL_AFFAIRS))) {
      throw RuleBreak.forbidden("县社会救助领导小组会议只能由县民政局救助股召集");
    }
    FormValues form = new FormValues(execution);
    String date = form.text(MEETING_DATE, "会议日期", true);
    try {
      LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw RuleBreak.badRequest("会议日期 “" + date + "” 不是有效的日期（格式：2026-12-09）");
    }
    form.text(MEETING_TITLE, "会议名称", true);

    List<Task> waiting = waitingApprovals();
    if (waiting.isEmpty()) {
      throw RuleBreak.badRequest("目前没有等待县社会救助领导小组研究审批的案件，无需召开会议");
    }
    ArrayNode agenda = json.createArrayNode();
    ArrayNode cases = json.createArrayNode();
    int year = clock.year();
    for (int from = 0; from < waiting.size(); from += CHUNK) {
      List<Task> chunk = waiting.subList(from, Math.min(waiting.size(), from + CHUNK));
      Map<String, Map<String, Object>> values = caseValues(chunk);
      for (Task task : chunk) {
        Map<String, Object> v = values.getOrDefault(task.getProcessInstanceId(), Map.of());
        agenda.add(entry(v, year));
        cases.addObject().put("caseNo", (String) v.get(CASE_NO.name()))
            .put("processInstanceId", task.getProcessInstanceId());
      }
    }
    sortByCaseNo(agenda);
    execution.setVariable(DECISIONS, SpinValues.jsonValue(agenda.toString()).create());
    execution.setVariable(MEETING_CASES, SpinValues.jsonValue(cases.toString()).create());
    CASE_COUNT.set(execution, (long) waiting.size());
  }

  private List<Task> waitingApprovals() {
    List<Task> found = new ArrayList<>();
    var query = tasks.createTaskQuery().processDefinitionKey(cn.jiuji.assistance.CaseVariables.PROCESS_KEY)
        .taskDefinitionKey(Elements.GROUP_APPROVAL).active().orderByTaskId().asc();
    for (int first = 0; ; first += 1000) {
      List<Task> page = query.listPage(first, 1000);
      found.addAll(page);
      if (page.size() < 1000) {
        return found;
      }
    }
  }

  /** The process-level values of the cases, by process instance. */
  private Map<String, Map<String, Object>> caseValues(List<Task> chunk) {
    String[] ids = chunk.stream().map(Task::getProcessInstanceId).toArray(String[]::new);
    Map<String, Map<String, Object>> values = new HashMap<>();
    List<VariableInstance> found = runtime.createVariableInstanceQuery().processInstanceIdIn(ids)
        .variableNameIn(SHOWN.toArray(String[]::new)).disableBinaryFetching().listPage(0, 2000);
    for (VariableInstance variable : found) {
      // the case's own values, not the approval step's local ones
      if (variable.getExecutionId().equals(variable.getProcessInstanceId())) {
        values.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
            .put(variable.getName(), variable.getValue());
      }
    }
    return values;
  }

  private ObjectNode entry(Map<String, Object> v, int year) {
    ObjectNode entry = json.createObjectNode();
    for (String name : SHOWN) {
      if (!name.equals(ID_NUMBER.name())) {
        entry.putPOJO(name, v.get(name));
      }
    }
    entry.put("townshipBelowThresholdReason", (String) v.get(BELOW_THRESHOLD_REASON.name()));
    entry.remove(BELOW_THRESHOLD_REASON.name());
    String household = (String) v.get(ID_NUMBER.name());
    if (household != null) {
      entry.put(CAP_REMAINING.name(), ledger.capRemaining(household, year));
    }
    // the starting decision: not yet decided; the approved amount starts as the reviewed one
    entry.put(APPROVED.name(), LATER);
    entry.putPOJO(APPROVED_AMOUNT.name(), v.get(REVIEWED_AMOUNT.name()));
    entry.put(APPROVAL_NOTE.name(), "");
    entry.put(CAP_OVERRIDE.name(), false);
    entry.put(CAP_OVERRIDE_REASON.name(), "");
    entry.put(BELOW_THRESHOLD_REASON.name(), "");
    return entry;
  }

  private static void sortByCaseNo(ArrayNode agenda) {
    List<com.fasterxml.jackson.databind.JsonNode> sorted = new ArrayList<>();
    agenda.forEach(sorted::add);
    sorted.sort(Comparator.comparing(n -> n.path(CASE_NO.name()).asText()));
    agenda.removeAll();
    sorted.forEach(agenda::add);
  }
}
