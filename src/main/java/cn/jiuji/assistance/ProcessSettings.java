package cn.jiuji.assistance;

import org.springframework.stereotype.Component;

/**
 * Configuration the case model reads by expression: {@code ${processSettings.retryCycle}} on the
 * payment jobs and {@code ${processSettings.followUpDelay}} on the follow-up timer.
 */
@Component("processSettings")
public class ProcessSettings {

  private final CaseProperties cases;

  ProcessSettings(CaseProperties cases) {
    this.cases = cases;
  }

  public String getRetryCycle() {
    return cases.retryCycle();
  }

  public String getFollowUpDelay() {
    return cases.followUpDelay();
  }
}
