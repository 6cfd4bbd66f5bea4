package cn.jiuji.partner;

import static cn.jiuji.partner.ReferralVariables.*;

import cn.jiuji.assistance.CaseAccess;
import cn.jiuji.assistance.CaseVariables;
import cn.jiuji.base.CaseVariable;
import cn.jiuji.base.CountyClock;
import cn.jiuji.base.FormValues;
import cn.jiuji.base.RuleBreak;
import cn.jiuji.ledger.Ledger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.Spin;
import org.camunda.spin.SpinRuntimeException;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Civil affairs refers a case to partner departments (SPEC §9, {@code referPartners} in
 * temporaryAssistance.bpmn): the choice is checked when the task completes, and each department
 * gets a {@code partnerReferral} instance of its own, started by the multi-instance step after it.
 * The referrals are instances apart from the case: they never hold the case up and run on when it
 * moves on or ends.
 */
@Component("partnerReferrals")
public class PartnerReferrals {

  /** What a referral shows of the case, read-only, as it stood when the case was referred. */
  private static final List<CaseVariable<?>> CASE_FILE = List.of(
      CaseVariables.CASE_NO, CaseVariables.HOUSEHOLD_HEAD, CaseVariables.ID_NUMBER, CaseVariables.ID_NUMBER_MASKED,
      CaseVariables.TOWNSHIP, CaseVariables.TOWNSHIP_NAME, CaseVariables.TOWNSHIP_GROUP, CaseVariables.VILLAGE,
      CaseVariables.CATEGORY, CaseVariables.HOUSEHOLD_SIZE, CaseVariables.SELF_PAID_TWO_YEARS,
      CaseVariables.THRESHOLD, CaseVariables.ELIGIBLE, CaseVariables.SUGGESTED_AMOUNT,
      CaseVariables.APPROVED_AMOUNT, CaseVariables.ADVANCE_AMOUNT, CaseVariables.PAID_AMOUNT,
      CaseVariables.VISIT_FINDINGS, CaseVariables.OPINION, CaseVariables.REVIEW_NOTE, CaseVariables.APPROVAL_NOTE,
      REFERRAL_NOTE);

  private final RuntimeService runtime;
  private final CaseAccess caseAccess;
  private final Ledger ledger;
  private final CountyClock clock;

  PartnerReferrals(RuntimeService runtime, CaseAccess caseAccess, Ledger ledger, CountyClock clock) {
    this.runtime = runtime;
    this.caseAccess = caseAccess;
    this.ledger = ledger;
    this.clock = clock;
  }

  /** {@code referPartners} completes: known departments, each at most once, a note when any. */
  public void referPartners(DelegateTask task) {
    List<PartnerDepartment> departments = parse(task.getVariable(REFERRALS));
    var json = Spin.JSON("[]");
    departments.forEach(d -> json.append(d.name()));
    task.setVariable(REFERRALS, SpinValues.jsonValue(json).create());
    new FormValues(task).text(REFERRAL_NOTE, "转介说明", !departments.isEmpty());
  }

  /** The departments the case was referred to: the collection of the step that starts the referrals. */
  public List<String> departments(DelegateExecution execution) {
    return parse(execution.getVariable(REFERRALS)).stream().map(Enum::name).toList();
  }

  /** Starts the referral of one department ({@code referral}): one {@code partnerReferral} instance. */
  public void start(DelegateExecution execution) {
    PartnerDepartment department = PartnerDepartment.valueOf(REFERRAL.from(execution));
    String caseNo = CaseVariables.CASE_NO.from(execution);
    Map<String, Object> variables = new HashMap<>();
    for (CaseVariable<?> variable : CASE_FILE) {
      variables.put(variable.name(), execution.getVariable(variable.name()));
    }
    variables.put(DEPARTMENT.name(), department.name());
    variables.put(DEPARTMENT_NAME.name(), department.label());
    variables.put(PARTNER_GROUP.name(), department.group(CaseVariables.TOWNSHIP_GROUP.from(execution)));
    variables.put(AID_SOURCE.name(), department.source().name());
    variables.put(CASE_INSTANCE_ID.name(), execution.getProcessInstanceId());
    // what is left of the family's civil-affairs cap now, for the township's temporary assistance
    variables.put(CaseVariables.CAP_REMAINING.name(),
        ledger.capRemaining(CaseVariables.ID_NUMBER.from(execution), clock.year()));
    runtime.startProcessInstanceByKey(PROCESS_KEY, caseNo, variables);
  }

  /**
   * {@code partnerAid} is created: the department's group may read this referral and the case it
   * was referred (the township's group reads its cases already), and nothing else of the county.
   */
  public void grantAccess(DelegateTask task) {
    String group = PARTNER_GROUP.from(task);
    caseAccess.grantPartner(task.getProcessInstanceId(), group);
    caseAccess.grantPartner(CASE_INSTANCE_ID.from(task), group);
  }

  static List<PartnerDepartment> parse(Object value) {
    if (value == null) {
      return List.of();
    }
    SpinJsonNode json;
    try {
      json = value instanceof SpinJsonNode node ? node : Spin.JSON(value.toString());
    } catch (SpinRuntimeException e) {
      throw RuleBreak.badRequest("转介部门须为部门代码的列表");
    }
    if (!json.isArray()) {
      throw RuleBreak.badRequest("转介部门须为部门代码的列表");
    }
    Set<PartnerDepartment> departments = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    for (SpinJsonNode element : json.elements()) {
      String code = element.isString() ? element.stringValue() : element.toString();
      PartnerDepartment.parse(code).ifPresentOrElse(d -> {
        if (!departments.add(d)) {
          throw RuleBreak.badRequest("转介部门“" + d.label() + "”重复，每个部门只转介一次");
        }
      }, () -> unknown.add(code));
    }
    if (!unknown.isEmpty()) {
      throw RuleBreak.badRequest("未知的联动部门 " + String.join("、", unknown));
    }
    return List.copyOf(departments);
  }
}
