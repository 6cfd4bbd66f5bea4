package cn.jiuji.screening;

import cn.jiuji.household.Category;
import java.time.LocalDate;

/**
 * One good row of a medical-insurance file (SPEC §5): a settlement, checked and normalized. The
 * amounts are in fen (分), exact in a long and cheaper than BigDecimal for millions of rows.
 */
record Settlement(
    String settlementId,
    String idNumber,
    String name,
    String householdId,
    String householdHead,
    String township,
    String village,
    Category category,
    LocalDate settledOn,
    long totalFen,
    long selfPaidFen) {}
