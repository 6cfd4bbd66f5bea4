package cn.jiuji.calendar;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The deadline of each step in working days ({@code jiuji.deadlines}: step id → working days),
 * SPEC §3.1, and how many working days before its deadline a task counts as "due soon"
 * ({@code jiuji.deadline-warning}, Tasklist's 即将到期 filter). The figures live in
 * application.yaml only.
 */
@ConfigurationProperties("jiuji")
public record DeadlineProperties(
    Map<String, Integer> deadlines, Integer deadlineWarning) {

  public DeadlineProperties {
    deadlines = deadlines == null ? Map.of() : Map.copyOf(deadlines);
    cn.jiuji.decision.Configured.require("jiuji.deadline-warning", deadlineWarning);
    deadlines.forEach((step, days) -> {
      if (days == null || days < 1) {
        throw new IllegalStateException(
            "jiuji.deadlines." + step + " 必须是至少 1 个工作日，实际为 " + days);
      }
    });
  }
}
