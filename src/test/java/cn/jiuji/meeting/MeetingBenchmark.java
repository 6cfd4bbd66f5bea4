package cn.jiuji.meeting;

import cn.jiuji.JiujiApplication;
import cn.jiuji.assistance.CaseVariables;
import cn.jiuji.assistance.Elements;
import cn.jiuji.household.IdNumbers;
import cn.jiuji.identity.Groups;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The meeting benchmark of SPEC §8, run by hand (bench/meeting.sh), never in CI: on PostgreSQL, a
 * meeting decides CASES cases at once (target: at most 10 s from the submission of the decision
 * form until every case is past groupApproval); the floor, measured in the same run on as many
 * other cases, is the same approvals completed one by one through the Java API without a meeting.
 *
 * <pre>
 * java ... cn.jiuji.meeting.MeetingBenchmark CASES JDBC_URL DB_USER [ROUNDS]
 * </pre>
 *
 * <p>The cases are put straight at groupApproval (process instance start before that activity,
 * with the variables the earlier steps would have set): the steps before are not what is measured.
 * The approval itself runs in full, its listeners (the rules, the cap from the ledger, the sign-off
 * chain) and the payment job it creates included. The job executor is off, so no payment runs
 * beside the measurement. A warm-up of 100 cases each way runs first.
 */
public final class MeetingBenchmark {

  private static int household = 0;

  private MeetingBenchmark() {}

  public static void main(String[] args) throws Exception {
    int cases = Integer.parseInt(args[0]);
    String url = args[1];
    String user = args[2];
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    System.setProperty("spring.datasource.url", url);
    System.setProperty("spring.datasource.username", user);
    System.setProperty("camunda.bpm.job-execution.enabled", "false");
    System.setProperty("server.port", "0");
    System.setProperty("logging.level.org.camunda", "WARN");
    System.setProperty("logging.level.cn.jiuji.meeting", "DEBUG");
    boolean meetingOnly = args.length > 4 && "meeting-only".equals(args[4]);
    ConfigurableApplicationContext app = new SpringApplicationBuilder(JiujiApplication.class).profiles("postgres").run();
    try {
      var bench = new Run(app);
      if (!meetingOnly) {
        bench.floor(100);
      }
      bench.meeting(100);
      double[] floors = new double[rounds];
      double[] meetings = new double[rounds];
      for (int round = 0; round < rounds; round++) {
        floors[round] = meetingOnly ? Double.NaN : bench.floor(cases);
        meetings[round] = bench.meeting(cases);
        System.out.printf("round %d: one by one %.2f s, meeting %.2f s, meeting / one by one %.2fx%n", round + 1,
            floors[round], meetings[round], meetings[round] / floors[round]);
      }
      System.out.printf("RESULT cases=%d floor_s=%.2f meeting_s=%.2f ratio=%.2f%n", cases, median(floors),
          median(meetings), median(meetings) / median(floors));
    } finally {
      app.close();
    }
  }

  static final class Run {
    final RuntimeService runtime;
    final TaskService tasks;
    final IdentityService identity;
    final ManagementService management;
    final ObjectMapper json = new ObjectMapper();

    Run(ConfigurableApplicationContext app) {
      runtime = app.getBean(RuntimeService.class);
      tasks = app.getBean(TaskService.class);
      identity = app.getBean(IdentityService.class);
      management = app.getBean(ManagementService.class);
    }

    /** The floor: each approval completed on its own, as a member would in Tasklist. */
    double floor(int count) {
      List<ProcessInstance> waiting = casesAtApproval(count);
      List<String> approvals = new ArrayList<>();
      for (ProcessInstance pi : waiting) {
        approvals.add(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId());
      }
      identity.setAuthentication("group2", List.of(Groups.LEADING_GROUP));
      long started = System.nanoTime();
      try {
        for (String approval : approvals) {
          tasks.complete(approval, Map.of("approved", true, "approvedAmount", 15_000L,
              "approvalNote", "同意", "capOverride", false));
        }
      } finally {
        identity.clearAuthentication();
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      check(waiting);
      System.out.printf("one by one: %,d approvals in %.2f s%n", count, seconds);
      return seconds;
    }

    /** A meeting deciding every case waiting: from the submission until it has committed. */
    double meeting(int count) throws Exception {
      List<ProcessInstance> waiting = casesAtApproval(count);
      long called = System.nanoTime();
      identity.setAuthentication("civil1", List.of(Groups.CIVIL_AFFAIRS));
      ProcessInstance meeting;
      try {
        meeting = runtime.startProcessInstanceByKey(MeetingVariables.PROCESS_KEY,
            Map.of("meetingDate", "2026-12-09", "meetingTitle", "基准测试会议"));
      } finally {
        identity.clearAuthentication();
      }
      double agenda = (System.nanoTime() - called) / 1e9;
      ArrayNode decisions = (ArrayNode) json.readTree(runtime.getVariable(meeting.getId(), MeetingVariables.DECISIONS).toString());
      if (decisions.size() != count) {
        throw new IllegalStateException(decisions.size() + " cases on the agenda, not " + count);
      }
      decisions.forEach(d -> ((com.fasterxml.jackson.databind.node.ObjectNode) d).put("approved", true)
          .put("approvalNote", "经会议集体研究同意"));
      String decision = tasks.createTaskQuery().processInstanceId(meeting.getId()).singleResult().getId();
      Map<String, Object> form = Map.of(MeetingVariables.DECISIONS, SpinValues.jsonValue(decisions.toString()).create(),
          "attendees", "郑组长、黄组员、苏组员", "minutes", "基准测试");
      identity.setAuthentication("group1", List.of(Groups.LEADING_GROUP));
      long submitted = System.nanoTime();
      try {
        tasks.complete(decision, form);
      } finally {
        identity.clearAuthentication();
      }
      double seconds = (System.nanoTime() - submitted) / 1e9;
      check(waiting);
      System.out.printf("meeting: agenda of %,d cases in %.2f s; decided in %.2f s (batch %s)%n", count, agenda, seconds,
          runtime.getVariable(waiting.get(0).getId(), CaseVariables.BATCH_NO.name()));
      return seconds;
    }

    /** Every case of the run past groupApproval, each waiting for its payment job. */
    void check(List<ProcessInstance> cases) {
      decided += cases.size();
      long open = tasks.createTaskQuery().taskDefinitionKey(Elements.GROUP_APPROVAL).count();
      long payments = management.createJobQuery().activityId(Elements.DISBURSE).count();
      if (open != 0 || payments != decided) {
        throw new IllegalStateException(open + " approvals open, " + payments + " payment jobs of " + decided);
      }
    }

    private long decided;

    /** Cases put straight at groupApproval with what the steps before would have set. */
    List<ProcessInstance> casesAtApproval(int count) {
      long started = System.nanoTime();
      List<ProcessInstance> made = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String caseNo = String.format("YSYY-BENCH-%06d", ++household);
        Map<String, Object> v = new HashMap<>();
        v.put(CaseVariables.CASE_NO.name(), caseNo);
        v.put(CaseVariables.HOUSEHOLD_HEAD.name(), "基准户" + household);
        // one household per case: birth dates one day apart
        String born = java.time.LocalDate.of(1950, 1, 1).plusDays(household).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        v.put(CaseVariables.ID_NUMBER.name(), IdNumbers.withCheckCharacter("350526" + born + "001"));
        v.put(CaseVariables.TOWNSHIP.name(), "xunzhong");
        v.put(CaseVariables.TOWNSHIP_GROUP.name(), Groups.township("xunzhong"));
        v.put(CaseVariables.TOWNSHIP_NAME.name(), "浔中镇");
        v.put(CaseVariables.VILLAGE.name(), "浔东村");
        v.put(CaseVariables.CATEGORY.name(), "GENERAL");
        v.put(CaseVariables.SELF_PAID_TWO_YEARS.name(), 100_000.0);
        v.put(CaseVariables.SOURCE.name(), "FIELD_DISCOVERY");
        v.put(CaseVariables.EMERGENCY.name(), false);
        v.put(CaseVariables.ELIGIBLE.name(), true);
        v.put(CaseVariables.THRESHOLD.name(), 80_000.0);
        v.put(CaseVariables.SUGGESTED_AMOUNT.name(), 15_000L);
        v.put(CaseVariables.CAP_REMAINING.name(), 40_000L);
        v.put(CaseVariables.PROPOSED_AMOUNT.name(), 15_000L);
        v.put(CaseVariables.OPINION.name(), "建议救助");
        v.put(CaseVariables.REVIEWED_AMOUNT.name(), 15_000L);
        v.put(CaseVariables.REVIEW_NOTE.name(), "审核通过");
        v.put(CaseVariables.SIGNED_OFF_BY.name(), "preliminaryOpinion:sanban1,secondReview:civil1");
        made.add(runtime.createProcessInstanceByKey(CaseVariables.PROCESS_KEY).businessKey(caseNo)
            .startBeforeActivity(Elements.GROUP_APPROVAL).setVariables(v).execute());
      }
      System.out.printf("  (%,d cases put at groupApproval in %.1f s)%n", count, (System.nanoTime() - started) / 1e9);
      return made;
    }
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
