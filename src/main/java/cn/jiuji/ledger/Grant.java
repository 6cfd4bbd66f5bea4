package cn.jiuji.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/** A payment as the family ledger holds it (for case summaries: SPEC §6 {@code grants}). */
public record Grant(GrantSource source, BigDecimal amount, Instant paidAt, String approvedBy) {}
