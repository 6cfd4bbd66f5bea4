package cn.jiuji.screening;

import static cn.jiuji.assistance.CaseVariables.*;

import cn.jiuji.assistance.CaseProperties;
import cn.jiuji.assistance.CaseVariables;
import cn.jiuji.assistance.RegisterCase;
import cn.jiuji.decision.AssistanceDecisions;
import cn.jiuji.decision.Category;
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
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
 * most favourable of its members' rows in those years and the household registry. Eligibility is
 * the {@code assistanceEligibility} decision with the run date as policy date.
 */
@Component
public class Screening {

  private static final Logger LOG = LoggerFactory.getLogger(Screening.class);

  private final JdbcTemplate jdbc;
  private final AssistanceDecisions decisions;
  private final HouseholdRegistry registry;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final CommandExecutor commands;
  private final TransactionTemplate transaction;
  private final CaseProperties cases;
  private final SettlementStore store;

  Screening(JdbcTemplate jdbc, AssistanceDecisions decisions, HouseholdRegistry registry,
      RuntimeService runtime, HistoryService history, ProcessEngineConfigurationImpl engine,
      PlatformTransactionManager transactions, CaseProperties cases, SettlementStore store) {
    this.jdbc = jdbc;
    this.decisions = decisions;
    this.registry = registry;
    this.runtime = runtime;
    this.history = history;
    this.commands = engine.getCommandExecutorTxRequired();
    this.transaction = new TransactionTemplate(transactions);
    this.cases = cases;
    this.store = store;
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
    return ClockUtil.getCurrentTime().toInstant().atZone(cases.zone()).toLocalDate();
  }

  /** Screens every household for the run date; running it again starts nothing new. */
  public Result run(LocalDate runDate) {
    long started = System.nanoTime();
    int year = runDate.getYear();
    LocalDate from = LocalDate.of(year - 2, 1, 1);
    LocalDate middle = LocalDate.of(year - 1, 1, 1);
    LocalDate current = LocalDate.of(year, 1, 1);
    // Only households that reach the lowest threshold of any category can be eligible: the SQL
    // narrows a million rows down to those few, the decision table then judges each of them.
    long lowest = lowestThreshold(runDate);
    String twoOlder = "SUM(CASE WHEN settled_on < ? THEN self_paid ELSE 0 END)";
    String twoRecent = "SUM(CASE WHEN settled_on >= ? THEN self_paid ELSE 0 END)";
    List<Candidate> candidates = jdbc.query(
        "SELECT household_id, " + twoOlder + " AS older_pair, " + twoRecent + " AS recent_pair"
            + " FROM medical_settlement WHERE settled_on >= ? AND settled_on <= ?"
            + " GROUP BY household_id"
            + " HAVING " + twoOlder + " >= ? OR " + twoRecent + " >= ?"
            + " ORDER BY household_id",
        (rs, n) -> new Candidate(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3)),
        current, middle, from, runDate, current, BigDecimal.valueOf(lowest), middle, BigDecimal.valueOf(lowest));
    boolean withRegistry = registry.available();
    int eligible = 0;
    int withCase = 0;
    List<String> startedCases = new ArrayList<>();
    for (Candidate candidate : candidates) {
      Category category = category(candidate.householdId(), from, runDate, withRegistry);
      BigDecimal best = candidate.olderPair().max(candidate.recentPair());
      if (!decisions.eligibility(category.name(), best.doubleValue(), runDate).eligible()) {
        continue;
      }
      eligible++;
      if (hasCase(candidate.householdId(), year)) {
        withCase++;
        continue;
      }
      startCase(candidate.householdId(), category, best, runDate, from).ifPresentOrElse(
          startedCases::add, () -> { });
    }
    LOG.info("Screening for {}: {} households over the lowest threshold, {} eligible, {} with a case,"
        + " {} cases started in {} ms", runDate, candidates.size(), eligible, withCase, startedCases.size(),
        (System.nanoTime() - started) / 1_000_000);
    return new Result(runDate, eligible, withCase, List.copyOf(startedCases));
  }

  private record Candidate(String householdId, BigDecimal olderPair, BigDecimal recentPair) {}

  private long lowestThreshold(LocalDate runDate) {
    long lowest = Long.MAX_VALUE;
    for (Category category : Category.values()) {
      lowest = Math.min(lowest, decisions.eligibility(category.name(), 0, runDate).threshold());
    }
    return lowest;
  }

  /** The most favourable category of the household's rows in the screened years and the registry. */
  private Category category(String householdId, LocalDate from, LocalDate to, boolean withRegistry) {
    Category category = Category.GENERAL;
    for (String code : jdbc.queryForList("SELECT DISTINCT category FROM medical_settlement"
        + " WHERE household_id = ? AND settled_on >= ? AND settled_on <= ? AND category IS NOT NULL",
        String.class, householdId, from, to)) {
      category = Category.parse(code).map(category::mostFavourable).orElse(category);
    }
    if (withRegistry) {
      category = registry.category(householdId).map(category::mostFavourable).orElse(category);
    }
    return category;
  }

  /**
   * Whether the household has an open case, or a case started in the run's calendar year, of
   * whatever source. Asked of the engine without authorization checks: the importing user may
   * not see the county's cases, and must not cause a second one because of it.
   */
  private boolean hasCase(String householdId, int year) {
    Date startOfYear = Date.from(LocalDate.of(year, 1, 1).atStartOfDay(cases.zone()).toInstant());
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
  private Optional<String> startCase(String householdId, Category category, BigDecimal selfPaid,
      LocalDate runDate, LocalDate from) {
    return Optional.ofNullable(transaction.execute(status -> {
      if (!claim(householdId, runDate.getYear())) {
        return null;
      }
      Map<String, Object> latest = jdbc.queryForMap("SELECT household_head, township, village"
          + " FROM medical_settlement WHERE household_id = ? AND settled_on >= ? AND settled_on <= ?"
          + " ORDER BY settled_on DESC, settlement_id DESC FETCH FIRST 1 ROWS ONLY",
          householdId, from, runDate);
      Map<String, Object> variables = new HashMap<>();
      variables.put(HOUSEHOLD_HEAD.name(), latest.get("household_head"));
      variables.put(ID_NUMBER.name(), householdId);
      variables.put(TOWNSHIP.name(), latest.get("township"));
      variables.put(VILLAGE.name(), latest.get("village"));
      variables.put(CATEGORY.name(), category.name());
      variables.put(SELF_PAID_TWO_YEARS.name(), selfPaid.doubleValue());
      variables.put(SOURCE.name(), RegisterCase.MEDICAL_SCREENING);
      variables.put(EMERGENCY.name(), false);
      variables.put(POLICY_DATE.name(), runDate.toString());
      ProcessInstance instance = commands.execute(context -> context.runWithoutAuthorization(() ->
          runtime.startProcessInstanceByKey(CaseVariables.PROCESS_KEY, variables)));
      jdbc.update("UPDATE screening_case SET case_no = ?, process_instance_id = ?"
          + " WHERE household_id = ? AND screening_year = ?",
          instance.getBusinessKey(), instance.getId(), householdId, runDate.getYear());
      LOG.info("Screening started case {} for household {}", instance.getBusinessKey(),
          cn.jiuji.casefile.IdNumbers.mask(householdId));
      return instance.getBusinessKey();
    }));
  }

  /** Inserts the claim unless it exists; never fails on the duplicate (see SettlementStore). */
  private boolean claim(String householdId, int year) {
    Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
    String sql = store.postgres()
        ? "INSERT INTO screening_case (household_id, screening_year, claimed_at) VALUES (?, ?, ?)"
            + " ON CONFLICT (household_id, screening_year) DO NOTHING"
        : "INSERT INTO screening_case (household_id, screening_year, claimed_at) SELECT ?, ?, ?"
            + " WHERE NOT EXISTS (SELECT 1 FROM screening_case WHERE household_id = ? AND screening_year = ?)";
    return (store.postgres()
        ? jdbc.update(sql, householdId, year, now)
        : jdbc.update(sql, householdId, year, now, householdId, year)) > 0;
  }
}
