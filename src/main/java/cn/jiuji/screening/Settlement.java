package cn.jiuji.screening;

import cn.jiuji.decision.Category;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One good row of a medical-insurance file (SPEC §5): a settlement, checked and normalized. */
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
    BigDecimal totalCost,
    BigDecimal selfPaid) {}
