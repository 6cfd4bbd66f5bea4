package cn.jiuji.enrollment;

import static cn.jiuji.enrollment.EnrollmentVariables.*;

import cn.jiuji.base.FormValues;
import cn.jiuji.base.RuleBreak;
import cn.jiuji.household.Category;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What a completed enrollment form must hold (SPEC §3.3), one method per user task of
 * {@code subsistenceEnrollment.bpmn}, each called by the complete listener of its task
 * ({@code ${enrollmentRules.economicVerification(task)}}): a rule break throws, the completion is
 * rolled back, the task stays open and the worker reads why in Chinese (Tasklist, REST: 400).
 */
@Component("enrollmentRules")
public class EnrollmentRules {

  /** What an enrollment can grant: the long-term protection categories. */
  static final List<Category> GRANTABLE = List.of(Category.DIBAO_EDGE, Category.DIBAO, Category.TEKUN);

  private static final BigDecimal MONTHS = BigDecimal.valueOf(12);

  private final IdentityService identity;

  EnrollmentRules(IdentityService identity) {
    this.identity = identity;
  }

  public void enrollmentApplication(DelegateTask task) {
    FormValues form = new FormValues(task);
    long size = form.wholeNumber(HOUSEHOLD_SIZE, "家庭人口");
    if (size < 1) {
      throw new RuleBreak("家庭人口至少为 1 人");
    }
    long income = form.wholeNumber(ANNUAL_INCOME, "家庭年收入");
    form.text(HOUSEHOLD_MEMBERS, "家庭成员情况", true);
    form.text(HOUSEHOLD_ASSETS, "家庭财产状况", true);
    // the figure the verifier compares with the local 低保 standard, which is per person and month
    MONTHLY_INCOME_PER_CAPITA.set(task, BigDecimal.valueOf(income)
        .divide(BigDecimal.valueOf(size).multiply(MONTHS), 0, RoundingMode.HALF_UP).longValueExact());
  }

  public void economicVerification(DelegateTask task) {
    FormValues form = new FormValues(task);
    form.yesNo(VERIFICATION_PASSED, "核对结果");
    form.text(VERIFICATION_NOTE, "核对意见", true);
  }

  public void recordObjection(DelegateTask task) {
    new FormValues(task).text(OBJECTION_NOTE, "异议内容", true);
    Long count = OBJECTION_COUNT.from(task);
    OBJECTION_COUNT.set(task, count == null ? 1 : count + 1);
    OBJECTION_RECORDED_BY.set(task, worker(task));
  }

  public void enrollmentApproval(DelegateTask task) {
    FormValues form = new FormValues(task);
    boolean approved = form.yesNo(ENROLLMENT_APPROVED, "是否批准认定");
    form.text(ENROLLMENT_NOTE, approved ? "审批意见" : "不予认定的理由", !approved);
    if (approved) {
      String granted = GRANTED_CATEGORY.from(task);
      Category category = Category.parse(granted).filter(GRANTABLE::contains)
          .orElseThrow(() -> new RuleBreak("批准认定时请选择认定类别：低保边缘家庭、城乡低保对象或特困人员"));
      GRANTED_CATEGORY.set(task, category.name());
    } else {
      // nothing is granted: a stray selection must not read as a decision
      GRANTED_CATEGORY.set(task, null);
    }
    ENROLLMENT_APPROVED_BY.set(task, worker(task));
  }

  private String worker(DelegateTask task) {
    var authentication = identity.getCurrentAuthentication();
    if (authentication != null) {
      return authentication.getUserId();
    }
    return task.getAssignee() == null ? "system" : task.getAssignee();
  }
}
