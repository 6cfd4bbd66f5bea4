package cn.jiuji.assistance;

import org.springframework.stereotype.Component;

/** The retry cycle of the jobs that pay money, for the models: {@code ${jobRetries.cycle}}. */
@Component("jobRetries")
public class JobRetries {

  private final CaseProperties cases;

  JobRetries(CaseProperties cases) {
    this.cases = cases;
  }

  public String getCycle() {
    return cases.retryCycle();
  }
}
