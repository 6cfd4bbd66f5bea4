package cn.jiuji.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiuji.ApplicationTest;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ApplicationTest
class DeadlinesTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Autowired Deadlines deadlines;
  @Autowired ProcessEngineConfigurationImpl engineConfiguration;

  static Date at(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant());
  }

  @Test
  void stepDeadlinesAreTheConfiguredWorkingDays() {
    assertThat(deadlines.workingDays("confirmScreening")).isEqualTo(3);
    assertThat(deadlines.workingDays("firstVisit")).isEqualTo(5);
    assertThat(deadlines.workingDays("preliminaryOpinion")).isEqualTo(3);
    assertThat(deadlines.workingDays("secondReview")).isEqualTo(5);
    assertThat(deadlines.workingDays("groupApproval")).isEqualTo(15);
    assertThat(deadlines.workingDays("emergencyGrant")).isEqualTo(1);
    assertThat(deadlines.workingDays("paperwork")).isEqualTo(5);
  }

  @Test
  void firstVisitIsDueAtTheCloseOfTheFifthWorkingDayOnTheEnginesClock() {
    ClockUtil.setCurrentTime(at("2025-09-30T10:15:00"));
    assertThat(deadlines.due("firstVisit")).isEqualTo(at("2025-10-14T23:59:59"));
  }

  @Test
  void groupApprovalAcrossTheSpringFestivalAndBothAdjustedSaturdays() {
    // 2-9 … 2-13, 2-14 Sat (6), 2-15 … 2-23 off, 2-24 … 2-27 (10), 2-28 Sat (11), 3-2 … 3-5 (15)
    assertThat(deadlines.dueAfter("groupApproval", at("2026-02-06T15:00:00")))
        .isEqualTo(at("2026-03-05T23:59:59"));
  }

  @Test
  void theModelsExpressionResolvesTheBean() {
    ClockUtil.setCurrentTime(at("2026-02-13T16:30:00"));
    Object due = engineConfiguration.getCommandExecutorTxRequired().execute(context ->
        engineConfiguration.getExpressionManager()
            .createExpression("${deadlines.due('preliminaryOpinion')}")
            .getValue(StartProcessVariableScope.getSharedInstance()));
    assertThat(due).isEqualTo(at("2026-02-25T23:59:59"));
  }

  @Test
  void anUnknownStepIsAnErrorNamingTheStep() {
    assertThatThrownBy(() -> deadlines.due("firstVist"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("firstVist")
        .hasMessageContaining("jiuji.deadlines");
  }
}
