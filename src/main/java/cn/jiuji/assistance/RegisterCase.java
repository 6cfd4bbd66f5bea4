package cn.jiuji.assistance;

import cn.jiuji.base.CountyClock;
import cn.jiuji.base.FormValues;
import cn.jiuji.base.RuleBreak;
import static cn.jiuji.assistance.CaseVariables.*;

import cn.jiuji.household.IdNumbers;
import cn.jiuji.ledger.Ledger;
import cn.jiuji.decision.AssistanceDecisions;
import cn.jiuji.household.Category;
import cn.jiuji.decision.PolicyProperties;
import cn.jiuji.household.HouseholdRegistry;
import cn.jiuji.identity.CountyProperties;
import cn.jiuji.identity.Groups;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * The first step of every case: checks what the case was started with (a bad start is refused
 * with a Chinese message and starts nothing, as is a start for a household that has a case open:
 * {@link OpenCases}), gives it its case number and works out what the
 * later forms show: eligibility, suggested amount, the family's remaining annual cap.
 *
 * <p>It is the one place that decides a case ({@link #assess}): the category in force and the
 * eligibility decision. The screening asks it before it starts a case and hands the answer to
 * the start as a transient variable, so that the registry and the decision are asked once per case.
 */
@Component("registerCase")
public class RegisterCase implements JavaDelegate {

  public static final String MEDICAL_SCREENING = "MEDICAL_SCREENING";
  public static final String FIELD_DISCOVERY = "FIELD_DISCOVERY";
  public static final String APPLICATION = "APPLICATION";
  private static final List<String> SOURCES = List.of(MEDICAL_SCREENING, FIELD_DISCOVERY, APPLICATION);
  /**
   * Start variable, transient (never stored): the {@link Assessment} the screening made of the
   * household it starts the case for. Only Java code can give one (it is a Java object, which no
   * REST client or form may send), and it counts only for the household, category, total and
   * policy date it was made for.
   */
  public static final String ASSESSMENT = "screeningAssessment";

  /**
   * What decides a case.
   *
   * @param category the category in force: the reported one or the household registry's,
   *     whichever is more favourable (SPEC §3.3, §5)
   * @param eligibility the eligibility decision for that category, total and policy date
   */
  public record Assessment(String idNumber, Category category, double selfPaidTwoYears, LocalDate policyDate,
      AssistanceDecisions.Eligibility eligibility) {

    boolean madeFor(String idNumber, Category category, double selfPaidTwoYears, LocalDate policyDate) {
      return this.idNumber.equals(idNumber) && this.category == category
          && Double.compare(this.selfPaidTwoYears, selfPaidTwoYears) == 0 && this.policyDate.equals(policyDate);
    }
  }

  private final CaseNumbers numbers;
  private final CountyProperties county;
  private final AssistanceDecisions decisions;
  private final PolicyProperties policy;
  private final Ledger ledger;
  private final IdentityService identity;
  private final CaseAccess access;
  private final HouseholdRegistry households;
  private final CountyClock clock;
  private final OpenCases openCases;

  RegisterCase(CaseNumbers numbers, CountyProperties county, AssistanceDecisions decisions,
      PolicyProperties policy, Ledger ledger, IdentityService identity, CaseAccess access,
      HouseholdRegistry households, CountyClock clock, OpenCases openCases) {
    this.numbers = numbers;
    this.openCases = openCases;
    this.clock = clock;
    this.county = county;
    this.decisions = decisions;
    this.policy = policy;
    this.ledger = ledger;
    this.identity = identity;
    this.access = access;
    this.households = households;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String head = trimmed(HOUSEHOLD_HEAD.from(execution));
    if (head == null) {
      throw RuleBreak.badRequest("请填写户主姓名");
    }
    String id = IdNumbers.normalize(ID_NUMBER.from(execution));
    if (!IdNumbers.isValid(id)) {
      // the message is logged and shown in lists: it names the number only masked (SPEC §4)
      throw RuleBreak.badRequest("户主身份证号 “" + IdNumbers.mask(id) + "” 不是有效的 18 位公民身份号码（校验码不符或出生日期无效），请核对后重新填写");
    }
    CountyProperties.Township township = township(execution);
    String categoryCode = CATEGORY.from(execution);
    Category reported = Category.parse(categoryCode)
        .orElseThrow(() -> RuleBreak.badRequest("未知的人员类别 “" + categoryCode + "”，应为 GENERAL、DIBAO_EDGE、DIBAO、TEKUN 或 TUOPIN"));
    Double selfPaid = numberVariable(execution, SELF_PAID_TWO_YEARS.name());
    if (selfPaid == null || selfPaid < 0) {
      throw RuleBreak.badRequest("两年个人自付医疗费用必须填写，且不能为负数");
    }
    String source = execution.hasVariable(SOURCE.name()) ? SOURCE.from(execution) : FIELD_DISCOVERY;
    if (!SOURCES.contains(source)) {
      throw RuleBreak.badRequest("未知的线索来源 “" + source + "”");
    }
    boolean emergency = Boolean.TRUE.equals(execution.getVariable(EMERGENCY.name()));
    LocalDate policyDate = policyDate(execution);
    Assessment assessment = execution.getVariable(ASSESSMENT) instanceof Assessment given
        && given.madeFor(id, reported, selfPaid, policyDate) ? given : assess(id, reported, selfPaid, policyDate);
    Category category = assessment.category();

    String caseNo = execution.getProcessBusinessKey();
    if (caseNo == null || caseNo.isBlank()) {
      caseNo = numbers.next(policyDate);
      execution.setProcessBusinessKey(caseNo);
    }
    openCases.open(id, caseNo, execution.getProcessInstanceId());
    CASE_NO.set(execution, caseNo);
    HOUSEHOLD_HEAD.set(execution, head);
    CATEGORY.set(execution, category.name());
    ID_NUMBER.set(execution, id);
    ID_NUMBER_MASKED.set(execution, IdNumbers.mask(id));
    TOWNSHIP.set(execution, township.code());
    TOWNSHIP_NAME.set(execution, township.name());
    TOWNSHIP_GROUP.set(execution, Groups.township(township.code()));
    SELF_PAID_TWO_YEARS.set(execution, selfPaid);
    SOURCE.set(execution, source);
    EMERGENCY.set(execution, emergency);
    POLICY_DATE.set(execution, policyDate.toString());

    var eligibility = assessment.eligibility();
    ELIGIBLE.set(execution, eligibility.eligible());
    THRESHOLD.set(execution, (double) eligibility.threshold());
    RATIO.set(execution, decisions.ratio(category.name(), policyDate).doubleValue());
    SUGGESTED_AMOUNT.set(execution, decisions.suggestedAmount(category.name(), selfPaid, policyDate));
    CAP_REMAINING.set(execution, ledger.capRemaining(id, clock.year()));
    TOP_UP_MAX.set(execution, policy.topUpMax());
    ADVANCE_LIMIT.set(execution, policy.townshipAdvanceLimit());
    ADVANCE_AMOUNT.set(execution, 0L);
    ADVANCE_PAID.set(execution, false);
    PAPERWORK_DONE.set(execution, false);
    OVERDUE_STEPS.set(execution, "");
    OVERDUE_STEP_NAMES.set(execution, "");
    access.grantTownship(execution.getProcessInstanceId(), TOWNSHIP_GROUP.from(execution));
  }

  /**
   * Decides a household's case: the category in force (an approved enrollment counts even when
   * the report or the medical-insurance file missed it) and whether its self-paid total reaches
   * that category's threshold on the policy date.
   */
  public Assessment assess(String idNumber, Category reported, double selfPaidTwoYears, LocalDate policyDate) {
    Category category = households.categoryOf(idNumber).map(reported::mostFavourable).orElse(reported);
    return new Assessment(idNumber, category, selfPaidTwoYears, policyDate,
        decisions.eligibility(category.name(), selfPaidTwoYears, policyDate));
  }

  private CountyProperties.Township township(DelegateExecution execution) {
    // a township worker reports for the own township only; county staff and the screening for any
    String initiator = (String) execution.getVariable("initiator");
    List<String> ownTownships = initiator == null ? List.of()
        : identity.createGroupQuery().groupMember(initiator).list().stream()
            .map(Group::getId).filter(Groups::isTownship).map(Groups::townshipCode).toList();
    String code = trimmed(TOWNSHIP.from(execution));
    if (code == null) {
      if (ownTownships.size() != 1) {
        throw RuleBreak.badRequest("无法确定案件所属乡镇：请填写乡镇（township）");
      }
      code = ownTownships.get(0);
    }
    String given = code;
    CountyProperties.Township township = county.byCode(code).or(() -> county.byName(given))
        .orElseThrow(() -> RuleBreak.badRequest("未知的乡镇 “" + given + "”"));
    if (!ownTownships.isEmpty() && !ownTownships.contains(township.code())) {
      throw RuleBreak.badRequest("乡镇工作人员只能登记本乡镇的救助线索，不能登记" + township.name() + "的家庭");
    }
    return township;
  }

  private LocalDate policyDate(DelegateExecution execution) {
    Object given = execution.getVariable(POLICY_DATE.name());
    if (given == null || given.toString().isBlank()) {
      return clock.today();
    }
    try {
      return LocalDate.parse(given.toString().trim());
    } catch (DateTimeParseException e) {
      throw RuleBreak.badRequest("政策日期 “" + given + "” 格式不对，应为 yyyy-MM-dd");
    }
  }


  private static Double numberVariable(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    if (value instanceof String text && !text.isBlank()) {
      try {
        return Double.valueOf(text.trim());
      } catch (NumberFormatException e) {
        throw RuleBreak.badRequest("“" + text + "” 不是有效的金额");
      }
    }
    return null;
  }

  private static String trimmed(String value) {
    return FormValues.isBlank(value) ? null : FormValues.stripped(value);
  }

}
