package cn.jiuji.demo;

import cn.jiuji.base.CountyClock;
import cn.jiuji.assistance.CaseVariables;
import cn.jiuji.assistance.Elements;
import cn.jiuji.calendar.Deadlines;
import cn.jiuji.household.IdNumbers;
import cn.jiuji.identity.DemoProperties;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo cases of the default profile (jiuji.demo.cases): cases resting at different steps, one of
 * them overdue, and the article's case, so that sanban1, civil1 and group1 find work waiting the
 * first time they log in. Created once: a restart on the same ./data database adds nothing.
 *
 * <p>The cases are started now and then dated back: each open task gets the deadline it would
 * have had, had the case been reported days ago, and so does the timer that escalates it. The
 * engine's clock is never moved: the job executor and every request run on while they are made.
 */
@Component
public class DemoCases {

  private static final Logger LOG = LoggerFactory.getLogger(DemoCases.class);
  static final String DEMO = "demoCase";

  private final DemoProperties demo;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final RepositoryService repository;
  private final Deadlines deadlines;
  private final CountyClock clock;
  private final DemoPartnerAid partnerAid;
  private final DemoPayments payments;
  private final DemoMeetings meetings;

  DemoCases(DemoProperties demo, RuntimeService runtime, TaskService tasks,
      ManagementService management, RepositoryService repository, Deadlines deadlines,
      CountyClock clock, DemoPartnerAid partnerAid, DemoPayments payments, DemoMeetings meetings) {
    this.payments = payments;
    this.meetings = meetings;
    this.clock = clock;
    this.partnerAid = partnerAid;
    this.demo = demo;
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.repository = repository;
    this.deadlines = deadlines;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void onDeployed() {
    if (demo.cases()) {
      createOnce();
      payments.createOnce();
      meetings.createOnce();
    }
  }

  /** Creates the demo cases unless they exist already; returns how many it started. */
  public synchronized int createOnce() {
    if (runtime.createProcessInstanceQuery().variableValueEquals(DEMO, true).count() > 0) {
      return 0;
    }
    // the article's case (SPEC §2, §9): reported by 三班镇, approved, paid, with its aid package
    ProcessInstance article = start("颜某斌", "35052619850312001", "sanban", "泗滨村",
        "GENERAL", 132_667, "FIELD_DISCOVERY", false);
    partnerAid.givePackage(article);
    // screened by the medical-insurance data today, waiting for civil affairs to confirm
    start("林某华", "35052619620704002", "xunzhong", "浔东村", "DIBAO", 56_300,
        "MEDICAL_SCREENING", false);
    // at the township's preliminary opinion
    ProcessInstance opinion = start("陈某英", "35052619790918003", "sanban", "三班村",
        "TEKUN", 48_200, "FIELD_DISCOVERY", false);
    complete(opinion, Elements.FIRST_VISIT, visit(true, "独居老人，患慢性肾病需长期透析"));
    datedBack(opinion, 3);
    // at civil affairs' second review
    ProcessInstance review = start("郑某明", "35052619700105004", "sanban", "奎斗村",
        "GENERAL", 98_450, "FIELD_DISCOVERY", false);
    complete(review, Elements.FIRST_VISIT, visit(true, "户主车祸致残，两个孩子在读"));
    complete(review, Elements.PRELIMINARY_OPINION, Map.of("recommend", true, "proposedAmount", 14_768L,
        "proposedTopUp", 0L, "opinion", "情况属实，建议按 15% 救助"));
    datedBack(review, 6);
    // waiting for the leading group's approval
    ProcessInstance approval = start("黄某珍", "35052619881122005", "xunzhong", "丁墘村",
        "TUOPIN", 61_000, "FIELD_DISCOVERY", false);
    complete(approval, Elements.FIRST_VISIT, visit(true, "丈夫白血病化疗，家庭因病返贫风险高"));
    complete(approval, Elements.PRELIMINARY_OPINION, Map.of("recommend", true, "proposedAmount", 12_200L,
        "proposedTopUp", 0L, "opinion", "建议救助"));
    complete(approval, Elements.SECOND_REVIEW, Map.of("reviewPassed", true, "reviewedAmount", 12_200L,
        "reviewNote", "再次入户核实无误"));
    datedBack(approval, 10);
    // an emergency: the township must pay an advance today
    start("苏某福", "35052619930227006", "sanban", "岭兜村", "DIBAO_EDGE", 83_900,
        "FIELD_DISCOVERY", true);
    // overdue: the first visit should have been done last week
    ProcessInstance overdue = start("许某生", "35052619550830007", "sanban", "东山村", "GENERAL", 104_000,
        "FIELD_DISCOVERY", false);
    datedBack(overdue, 14);
    LOG.info("Demo cases created; the article's case is {}", article.getBusinessKey());
    return 7;
  }

  private ProcessInstance start(String head, String id17, String township,
      String village, String category, double selfPaid, String source, boolean emergency) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CaseVariables.HOUSEHOLD_HEAD.name(), head);
    variables.put(CaseVariables.ID_NUMBER.name(), IdNumbers.withCheckCharacter(id17));
    variables.put(CaseVariables.TOWNSHIP.name(), township);
    variables.put(CaseVariables.VILLAGE.name(), village);
    variables.put(CaseVariables.CATEGORY.name(), category);
    variables.put(CaseVariables.SELF_PAID_TWO_YEARS.name(), selfPaid);
    variables.put(CaseVariables.SOURCE.name(), source);
    variables.put(CaseVariables.EMERGENCY.name(), emergency);
    variables.put(DEMO, true);
    return runtime.startProcessInstanceByKey(CaseVariables.PROCESS_KEY, variables);
  }

  /** The open tasks' deadlines (and their escalation timers) as if started days ago. */
  private void datedBack(ProcessInstance instance, int daysAgo) {
    Date started = Date.from(clock.now().minus(Duration.ofDays(daysAgo)));
    var model = repository.getBpmnModelInstance(instance.getProcessDefinitionId());
    for (Task task : tasks.createTaskQuery().processInstanceId(instance.getId()).list()) {
      if (task.getDueDate() == null) {
        continue;
      }
      Date due = deadlines.dueAfter(task.getTaskDefinitionKey(), started);
      task.setDueDate(due);
      task.setFollowUpDate(deadlines.warnFromAfter(task.getTaskDefinitionKey(), started));
      tasks.saveTask(task);
      for (BoundaryEvent timer : model.getModelElementsByType(BoundaryEvent.class)) {
        if (timer.getAttachedTo().getId().equals(task.getTaskDefinitionKey())
            && !timer.getChildElementsByType(TimerEventDefinition.class).isEmpty()) {
          Job job = management.createJobQuery().processInstanceId(instance.getId())
              .activityId(timer.getId()).timers().singleResult();
          management.setJobDuedate(job.getId(), due);
        }
      }
    }
  }

  private void complete(ProcessInstance instance, String step, Map<String, Object> answers) {
    var task = tasks.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(step).singleResult();
    tasks.complete(task.getId(), answers);
  }

  private static Map<String, Object> visit(boolean hardship, String findings) {
    return Map.of("visitConfirmsHardship", hardship, "especiallyDifficult", false,
        "householdSize", 4L, "visitFindings", findings,
        "bankAccount", "62303512" + String.format("%011d", Math.abs((long) findings.hashCode())),
        "bankName", "德化县农村信用合作联社");
  }

}
