package cn.jiuji.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/** The leading group's recorded decision to exceed a household's annual cap in one case. */
public record CapOverride(String householdId, String caseNo, BigDecimal amount, String reason,
    String approvedBy, Instant createdAt) {}
