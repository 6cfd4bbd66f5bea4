package cn.jiuji.casefile;

import cn.jiuji.ledger.Grant;
import cn.jiuji.ledger.GrantSource;
import cn.jiuji.ledger.MonthlyAidPlans;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A case's aid package (SPEC §9, 一事一议、多部门联动): the money of every source paid in the case,
 * the monthly aid with the months paid so far, and the total, as the case summary
 * ({@code package}) and the approval form show it.
 */
record AidPackage(Map<GrantSource, BigDecimal> bySource, List<Monthly> monthly, BigDecimal total) {

  /** One department's monthly aid. */
  record Monthly(GrantSource source, String label, BigDecimal monthlyAmount, int months, int paidMonths,
      YearMonth firstMonth, Instant stoppedAt, String stopReason) {}

  static AidPackage of(List<Grant> grants, List<MonthlyAidPlans.Plan> plans) {
    Map<GrantSource, BigDecimal> bySource = new EnumMap<>(GrantSource.class);
    grants.forEach(g -> bySource.merge(g.source(), g.amount(), BigDecimal::add));
    BigDecimal total = bySource.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    List<Monthly> monthly = plans.stream()
        .map(p -> new Monthly(p.source(), p.source().label(), p.monthlyAmount(), p.months(), p.paidMonths(),
            p.firstMonth(), p.stoppedAt(), p.stopReason()))
        .toList();
    return new AidPackage(bySource, monthly, total);
  }

  /** Whether partner departments added anything: money beyond the case's own grants, or monthly aid. */
  boolean hasPartnerAid() {
    return !monthly.isEmpty() || bySource.keySet().stream()
        .anyMatch(s -> s != GrantSource.CIVIL_AFFAIRS_CASE && s != GrantSource.TOWNSHIP_ADVANCE);
  }
}
