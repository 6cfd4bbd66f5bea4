package cn.jiuji.enrollment;

import cn.jiuji.base.CountyClock;
import cn.jiuji.household.HouseholdRegistry;
import static cn.jiuji.enrollment.EnrollmentVariables.*;

import cn.jiuji.household.Category;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * An approved enrollment puts the household's new category into the registry, effective from the
 * day of approval, so that the next screening and case use it (SPEC §3.3). An asynchronous job:
 * a retry writes the same row again.
 */
@Component("updateHouseholdCategory")
public class UpdateHouseholdCategory implements JavaDelegate {

  private final HouseholdRegistry registry;
  private final CountyClock clock;

  UpdateHouseholdCategory(HouseholdRegistry registry, CountyClock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Category granted = Category.valueOf(GRANTED_CATEGORY.from(execution));
    String since = CATEGORY_SINCE.from(execution);
    // a retried job keeps the day of the first attempt
    LocalDate day = since == null
        ? clock.today()
        : LocalDate.parse(since);
    registry.setCategory(ID_NUMBER.from(execution), granted, day, execution.getProcessBusinessKey());
    CATEGORY_SINCE.set(execution, day.toString());
  }
}
