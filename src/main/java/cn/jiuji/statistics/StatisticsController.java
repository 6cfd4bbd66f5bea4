package cn.jiuji.statistics;

import cn.jiuji.base.CountyClock;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/statistics?year=&township=}: the year's figures for managers and leaders
 * (SPEC §10), and {@code GET /api/statistics/ledger?year=&township=}, the year's ledger book as
 * XLSX. Read-only; a township's staff get their own township's figures and cases only.
 */
@RestController
class StatisticsController {

  private final Statistics statistics;
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final LedgerBook ledgerBook;
  private final Scope scope;
  private final CountyClock clock;

  StatisticsController(Statistics statistics, LedgerBook ledgerBook, Scope scope, CountyClock clock) {
    this.statistics = statistics;
    this.ledgerBook = ledgerBook;
    this.scope = scope;
    this.clock = clock;
  }

  @GetMapping("/api/statistics/ledger")
  void ledger(@RequestParam(required = false) String year, @RequestParam(required = false) String township,
      HttpServletResponse response) throws IOException {
    String scoped = scope.township(township);
    int chosen = Scope.year(year, clock.year());
    response.setContentType(XLSX);
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
        .filename("一事一议临时救助台账-" + chosen + (scoped == null ? "" : "-" + scoped) + ".xlsx",
            StandardCharsets.UTF_8).build().toString());
    ledgerBook.write(chosen, scoped, response.getOutputStream());
  }

  @GetMapping("/api/statistics")
  Statistics.Figures figures(@RequestParam(required = false) String year,
      @RequestParam(required = false) String township) {
    String scoped = scope.township(township);
    return statistics.of(Scope.year(year, clock.year()), scoped);
  }
}
