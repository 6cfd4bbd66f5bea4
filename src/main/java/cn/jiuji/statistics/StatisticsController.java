package cn.jiuji.statistics;

import cn.jiuji.base.CountyClock;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/statistics?year=&township=}: the year's figures for managers and leaders
 * (SPEC §10). Read-only; a township's staff get their own township's figures only.
 */
@RestController
class StatisticsController {

  private final Statistics statistics;
  private final Scope scope;
  private final CountyClock clock;

  StatisticsController(Statistics statistics, Scope scope, CountyClock clock) {
    this.statistics = statistics;
    this.scope = scope;
    this.clock = clock;
  }

  @GetMapping("/api/statistics")
  Statistics.Figures figures(@RequestParam(required = false) String year,
      @RequestParam(required = false) String township) {
    String scoped = scope.township(township);
    return statistics.of(Scope.year(year, clock.year()), scoped);
  }
}
