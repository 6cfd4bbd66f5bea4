package cn.jiuji.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A payment as the family ledger holds it (for case summaries: SPEC §6 {@code grants}, §8).
 *
 * @param paidAt when it was recorded (paid at once, or sent to the bank): its year is the cap's
 * @param batchNo the batch whose payment list it is in; null for money paid at once
 */
public record Grant(GrantSource source, BigDecimal amount, Instant paidAt, String approvedBy, GrantStatus status,
    String batchNo) {}
