package cn.jiuji.screening;

import cn.jiuji.base.SqlDialect;
import cn.jiuji.base.CountyClock;
import static cn.jiuji.assistance.CaseVariables.*;

import cn.jiuji.assistance.CaseVariables;
import cn.jiuji.assistance.RegisterCase;
import cn.jiuji.decision.AssistanceDecisions;
import cn.jiuji.household.Category;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The screening run of SPEC §3.4: which households reached their threshold over two consecutive
 * years, and a {@code temporaryAssistance} case for each of them that has none yet.
 *
 * <p>Years: the two complete calendar years before the run date and the current year up to it;
 * a household counts with the better of the pairs (Y-2, Y-1) and (Y-1, Y). Its category is the
 * most favourable of its members' rows in those years and the household registry. One scan of
 * the settlements finds the candidates (households over the lowest threshold of any category);
 * {@link RegisterCase#assess} decides each of them with the run date as policy date, and the case
 * started for an eligible household takes that assessment with it instead of asking again.
 */
@Component
public class Screening {

  private static final Logger LOG = LoggerFactory.getLogger(Screening.class);

  private final JdbcTemplate jdbc;
  private final AssistanceDecisions decisions;
  private final RegisterCase cases;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final CommandExecutor commands;
  private final TransactionTemplate transaction;
  private final CountyClock clock;
  private final SqlDialect.InsertIfAbsent claimInsert;

  Screening(JdbcTemplate jdbc, AssistanceDecisions decisions, RegisterCase cases,
      RuntimeService runtime, HistoryService history, ProcessEngineConfigurationImpl engine,
      PlatformTransactionManager transactions, CountyClock clock, SqlDialect dialect) {
    this.jdbc = jdbc;
    this.decisions = decisions;
    this.cases = cases;
    this.runtime = runtime;
    this.history = history;
    this.commands = engine.getCommandExecutorTxRequired();
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
    this.claimInsert = dialect.insertIfAbsent("screening_case",
        new String[] {"household_id", "screening_year", "claimed_at"}, SqlDialect.placeholders(3),
        "household_id", "screening_year");
  }

  /**
   * What a run found.
   *
   * @param householdsEligible households that reached their threshold
   * @param householdsWithCase of those, the ones left alone: an open case, or one started this year
   * @param casesStarted the case numbers this run started
   */
  public record Result(LocalDate runDate, int householdsEligible, int householdsWithCase,
      List<String> casesStarted) {}

  /** Today in the county's time zone, on the engine's clock. */
  public LocalDate today() {
    return clock.today();
  }

  /** Screens every household for the run date; running it again starts nothing new. */
  public Result run(LocalDate runDate) {
    long started = System.nanoTime();
    int year = runDate.getYear();
    LocalDate from = LocalDate.of(year - 2, 1, 1);
    LocalDate middle = LocalDate.of(year - 1, 1, 1);
    LocalDate current = LocalDate.of(year, 1, 1);
    // Only households that reach the lowest threshold of any category can be eligible: the SQL
    // narrows a million rows down to those few, RegisterCase then decides each of them.
    long lowest = lowestThreshold(runDate);
    String twoOlder = "SUM(CASE WHEN settled_on < ? THEN self_paid ELSE 0 END)";
    String twoRecent = "SUM(CASE WHEN settled_on >= ? THEN self_paid ELSE 0 END)";
    // one flag per category: whether any row of the household in these years has it
    StringBuilder flags = new StringBuilder();
    List<Object> arguments = new ArrayList<>(List.of(current, middle));
    for (Category category : Category.values()) {
      flags.append(", MAX(CASE WHEN category = ? THEN 1 ELSE 0 END)");
      arguments.add(category.name());
    }
    arguments.addAll(List.of(from, runDate, current, BigDecimal.valueOf(lowest), middle, BigDecimal.valueOf(lowest)));
    List<Candidate> candidates = jdbc.query(
        "SELECT household_id, " + twoOlder + ", " + twoRecent + flags
            + " FROM medical_settlement WHERE settled_on >= ? AND settled_on <= ?"
            + " GROUP BY household_id"
            + " HAVING " + twoOlder + " >= ? OR " + twoRecent + " >= ?"
            + " ORDER BY household_id",
        (rs, n) -> {
          Category category = Category.GENERAL;
          for (Category c : Category.values()) {
            if (rs.getInt(4 + c.ordinal()) == 1) {
              category = category.mostFavourable(c);
            }
          }
          return new Candidate(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), category);
        },
        arguments.toArray());
    List<RegisterCase.Assessment> eligibleHouseholds = new ArrayList<>();
    for (Candidate candidate : candidates) {
      BigDecimal best = candidate.olderPair().max(candidate.recentPair());
      RegisterCase.Assessment assessment =
          cases.assess(candidate.householdId(), candidate.category(), best.doubleValue(), runDate);
      if (assessment.eligibility().eligible()) {
        eligibleHouseholds.add(assessment);
      }
    }
    int withCase = 0;
    List<RegisterCase.Assessment> toStart = new ArrayList<>();
    for (RegisterCase.Assessment household : eligibleHouseholds) {
      if (hasCase(household.idNumber(), year)) {
        withCase++;
      } else {
        toStart.add(household);
      }
    }
    Map<String, Residence> residences = residences(toStart, from, runDate);
    List<String> startedCases = new ArrayList<>();
    for (RegisterCase.Assessment household : toStart) {
      startCase(household, residences.get(household.idNumber())).ifPresent(startedCases::add);
    }
    int eligible = eligibleHouseholds.size();
    LOG.info("Screening for {}: {} households over the lowest threshold, {} eligible, {} with a case,"
        + " {} cases started in {} ms", runDate, candidates.size(), eligible, withCase, startedCases.size(),
        (System.nanoTime() - started) / 1_000_000);
    return new Result(runDate, eligible, withCase, List.copyOf(startedCases));
  }

  private record Candidate(String householdId, BigDecimal olderPair, BigDecimal recentPair, Category category) {}

  /** Where a household lives and who heads it: as its latest settlement says. */
  private record Residence(String householdHead, String township, String village, LocalDate settledOn,
      String settlementId) {
    boolean laterThan(Residence other) {
      int byDate = settledOn.compareTo(other.settledOn);
      return byDate > 0 || byDate == 0 && settlementId.compareTo(other.settlementId) > 0;
    }
  }

  /** The latest settlement of each household, a few hundred households per scan. */
  private Map<String, Residence> residences(List<RegisterCase.Assessment> households, LocalDate from, LocalDate to) {
    Map<String, Residence> latest = new HashMap<>();
    int chunk = 500;
    for (int i = 0; i < households.size(); i += chunk) {
      List<RegisterCase.Assessment> part = households.subList(i, Math.min(households.size(), i + chunk));
      List<Object> arguments = new ArrayList<>(List.of(from, to));
      part.forEach(h -> arguments.add(h.idNumber()));
      jdbc.query("SELECT household_id, household_head, township, village, settled_on, settlement_id"
              + " FROM medical_settlement WHERE settled_on >= ? AND settled_on <= ? AND household_id IN ("
              + String.join(", ", java.util.Collections.nCopies(part.size(), "?")) + ")",
          rs -> {
            Residence residence = new Residence(rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, LocalDate.class), rs.getString(6));
            latest.merge(rs.getString(1), residence, (a, b) -> b.laterThan(a) ? b : a);
          },
          arguments.toArray());
    }
    return latest;
  }

  private long lowestThreshold(LocalDate runDate) {
    long lowest = Long.MAX_VALUE;
    for (Category category : Category.values()) {
      lowest = Math.min(lowest, decisions.threshold(category.name(), runDate));
    }
    return lowest;
  }

  /**
   * Whether the household has an open case, or a case started in the run's calendar year, of
   * whatever source. Asked of the engine without authorization checks: the importing user may
   * not see the county's cases, and must not cause a second one because of it.
   */
  private boolean hasCase(String householdId, int year) {
    Date startOfYear = Date.from(clock.startOfYear(year));
    return commands.execute(context -> context.runWithoutAuthorization(() ->
        runtime.createProcessInstanceQuery().processDefinitionKey(CaseVariables.PROCESS_KEY)
            .variableValueEquals(ID_NUMBER.name(), householdId).count() > 0
        || history.createHistoricProcessInstanceQuery().processDefinitionKey(CaseVariables.PROCESS_KEY)
            .variableValueEquals(ID_NUMBER.name(), householdId).startedAfter(startOfYear).count() > 0));
  }

  /**
   * Claims the household for the year and starts its case, in one transaction: the claim's
   * primary key keeps two overlapping runs (two nodes) from starting two cases. The case starts
   * without authorization checks: an importing medical-insurance officer has no right to start
   * cases, the screening does.
   */
  private Optional<String> startCase(RegisterCase.Assessment household, Residence residence) {
    String householdId = household.idNumber();
    LocalDate runDate = household.policyDate();
    return Optional.ofNullable(transaction.execute(status -> {
      if (!claim(householdId, runDate.getYear())) {
        return null;
      }
      Map<String, Object> variables = new HashMap<>();
      variables.put(HOUSEHOLD_HEAD.name(), residence.householdHead());
      variables.put(ID_NUMBER.name(), householdId);
      variables.put(TOWNSHIP.name(), residence.township());
      variables.put(VILLAGE.name(), residence.village());
      variables.put(CATEGORY.name(), household.category().name());
      variables.put(SELF_PAID_TWO_YEARS.name(), household.selfPaidTwoYears());
      variables.put(SOURCE.name(), RegisterCase.MEDICAL_SCREENING);
      variables.put(EMERGENCY.name(), false);
      variables.put(POLICY_DATE.name(), runDate.toString());
      // decided already: RegisterCase takes its own assessment instead of asking again
      variables.put(RegisterCase.ASSESSMENT, Variables.objectValue(household, true).create());
      ProcessInstance instance = commands.execute(context -> context.runWithoutAuthorization(() ->
          runtime.startProcessInstanceByKey(CaseVariables.PROCESS_KEY, variables)));
      jdbc.update("UPDATE screening_case SET case_no = ?, process_instance_id = ?"
          + " WHERE household_id = ? AND screening_year = ?",
          instance.getBusinessKey(), instance.getId(), householdId, runDate.getYear());
      LOG.info("Screening started case {} for household {}", instance.getBusinessKey(),
          cn.jiuji.household.IdNumbers.mask(householdId));
      return instance.getBusinessKey();
    }));
  }

  /** Inserts the claim unless it exists; never fails on the duplicate (SqlDialect#insertIfAbsent). */
  private boolean claim(String householdId, int year) {
    Timestamp now = Timestamp.from(clock.now());
    return jdbc.update(claimInsert.sql(), claimInsert.arguments(new Object[] {householdId, year, now}, householdId, year)) > 0;
  }
}
