package cn.jiuji.assistance;

import static cn.jiuji.assistance.CaseVariables.*;

import cn.jiuji.casefile.IdNumbers;
import cn.jiuji.casefile.Ledger;
import cn.jiuji.decision.AssistanceDecisions;
import cn.jiuji.decision.Category;
import cn.jiuji.decision.PolicyProperties;
import cn.jiuji.enrollment.HouseholdRegistry;
import cn.jiuji.identity.CountyProperties;
import cn.jiuji.identity.Groups;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The first step of every case: checks what the case was started with (a bad start is refused
 * with a Chinese message and starts nothing), gives it its case number and works out what the
 * later forms show: eligibility, suggested amount, the family's remaining annual cap.
 */
@Component("registerCase")
public class RegisterCase implements JavaDelegate {

  public static final String MEDICAL_SCREENING = "MEDICAL_SCREENING";
  public static final String FIELD_DISCOVERY = "FIELD_DISCOVERY";
  public static final String APPLICATION = "APPLICATION";
  private static final List<String> SOURCES = List.of(MEDICAL_SCREENING, FIELD_DISCOVERY, APPLICATION);

  private final CaseNumbers numbers;
  private final CountyProperties county;
  private final AssistanceDecisions decisions;
  private final PolicyProperties policy;
  private final Ledger ledger;
  private final IdentityService identity;
  private final CaseAccess access;
  private final HouseholdRegistry households;

  RegisterCase(CaseNumbers numbers, CountyProperties county, AssistanceDecisions decisions,
      PolicyProperties policy, Ledger ledger, IdentityService identity, CaseAccess access,
      HouseholdRegistry households) {
    this.numbers = numbers;
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
      throw refused("请填写户主姓名");
    }
    String id = IdNumbers.normalize(ID_NUMBER.from(execution));
    if (!IdNumbers.isValid(id)) {
      // the message is logged and shown in lists: it names the number only masked (SPEC §4)
      throw refused("户主身份证号 “" + IdNumbers.mask(id) + "” 不是有效的 18 位公民身份号码（校验码不符或出生日期无效），请核对后重新填写");
    }
    CountyProperties.Township township = township(execution);
    String categoryCode = CATEGORY.from(execution);
    Category reported = Category.parse(categoryCode)
        .orElseThrow(() -> refused("未知的人员类别 “" + categoryCode + "”，应为 GENERAL、DIBAO_EDGE、DIBAO、TEKUN 或 TUOPIN"));
    // the category in force: an approved enrollment (SPEC §3.3) counts even when the report missed it
    Category category = households.categoryOf(id).map(reported::mostFavourable).orElse(reported);
    Double selfPaid = numberVariable(execution, SELF_PAID_TWO_YEARS.name());
    if (selfPaid == null || selfPaid < 0) {
      throw refused("两年个人自付医疗费用必须填写，且不能为负数");
    }
    String source = execution.hasVariable(SOURCE.name()) ? SOURCE.from(execution) : FIELD_DISCOVERY;
    if (!SOURCES.contains(source)) {
      throw refused("未知的线索来源 “" + source + "”");
    }
    boolean emergency = Boolean.TRUE.equals(execution.getVariable(EMERGENCY.name()));
    LocalDate policyDate = policyDate(execution);

    String caseNo = execution.getProcessBusinessKey();
    if (caseNo == null || caseNo.isBlank()) {
      caseNo = numbers.next(policyDate);
      execution.setProcessBusinessKey(caseNo);
    }
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

    var eligibility = decisions.eligibility(category.name(), selfPaid, policyDate);
    ELIGIBLE.set(execution, eligibility.eligible());
    THRESHOLD.set(execution, (double) eligibility.threshold());
    RATIO.set(execution, decisions.ratio(category.name(), policyDate).doubleValue());
    SUGGESTED_AMOUNT.set(execution, decisions.suggestedAmount(category.name(), selfPaid, policyDate));
    CAP_REMAINING.set(execution, ledger.capRemaining(id, today().getYear()));
    TOP_UP_MAX.set(execution, policy.topUpMax());
    ADVANCE_LIMIT.set(execution, policy.townshipAdvanceLimit());
    ADVANCE_AMOUNT.set(execution, 0L);
    ADVANCE_PAID.set(execution, false);
    PAPERWORK_DONE.set(execution, false);
    OVERDUE_STEPS.set(execution, "");
    OVERDUE_STEP_NAMES.set(execution, "");
    access.grantTownship(execution.getProcessInstanceId(), TOWNSHIP_GROUP.from(execution));
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
        throw refused("无法确定案件所属乡镇：请填写乡镇（township）");
      }
      code = ownTownships.get(0);
    }
    String given = code;
    CountyProperties.Township township = county.byCode(code).or(() -> county.byName(given))
        .orElseThrow(() -> refused("未知的乡镇 “" + given + "”"));
    if (!ownTownships.isEmpty() && !ownTownships.contains(township.code())) {
      throw refused("乡镇工作人员只能登记本乡镇的救助线索，不能登记" + township.name() + "的家庭");
    }
    return township;
  }

  private LocalDate policyDate(DelegateExecution execution) {
    Object given = execution.getVariable(POLICY_DATE.name());
    if (given == null || given.toString().isBlank()) {
      return today();
    }
    try {
      return LocalDate.parse(given.toString().trim());
    } catch (DateTimeParseException e) {
      throw refused("政策日期 “" + given + "” 格式不对，应为 yyyy-MM-dd");
    }
  }

  private LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(policy.timeZone()).toLocalDate();
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
        throw refused("“" + text + "” 不是有效的金额");
      }
    }
    return null;
  }

  private static String trimmed(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  static RuleBreak refused(String message) {
    return new RuleBreak(message);
  }
}
