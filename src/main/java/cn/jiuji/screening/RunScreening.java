package cn.jiuji.screening;

import static cn.jiuji.screening.ScreeningVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Service task {@code runScreening} of medicalScreening.bpmn: one run over the data imported so far. */
@Component("runScreening")
class RunScreening implements JavaDelegate {

  /** A string variable holds at most 4000 characters; the full list is in screening_case. */
  private static final int MAX_CASE_NUMBERS = 3900;
  /**
   * Transient (never stored): the whole {@link Screening.Result}, for the caller that started the
   * run and waits for it in the same transaction (the import, {@link ScreeningAfterImport}).
   */
  static final String RESULT = "screeningResult";

  private final Screening screening;

  RunScreening(Screening screening) {
    this.screening = screening;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Screening.Result result = screening.run(screening.today());
    RUN_DATE.set(execution, result.runDate().toString());
    HOUSEHOLDS_ELIGIBLE.set(execution, (long) result.householdsEligible());
    HOUSEHOLDS_WITH_CASE.set(execution, (long) result.householdsWithCase());
    CASES_STARTED.set(execution, (long) result.casesStarted().size());
    CASE_NUMBERS.set(execution, caseNumbers(result));
    execution.setVariable(RESULT, Variables.objectValue(result, true).create());
  }

  static String caseNumbers(Screening.Result result) {
    StringBuilder text = new StringBuilder();
    for (String caseNo : result.casesStarted()) {
      if (text.length() + caseNo.length() + 1 > MAX_CASE_NUMBERS) {
        return text + "…等共 " + result.casesStarted().size() + " 件";
      }
      text.append(text.isEmpty() ? "" : ",").append(caseNo);
    }
    return text.toString();
  }
}
