package cn.jiuji.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A payment to be written to the family ledger.
 *
 * @param householdId the household head's 18-character citizen ID
 * @param caseNo the case the money was paid in (business key)
 * @param source who paid
 * @param amount yuan, at most two decimals, not negative
 * @param paidAt when it was paid; its calendar year counts against the annual cap
 * @param approvedBy the engine user id of whoever approved it
 */
public record GrantRecord(String householdId, String caseNo, GrantSource source, BigDecimal amount,
    Instant paidAt, String approvedBy) {

  public GrantRecord {
    Objects.requireNonNull(householdId, "householdId");
    Objects.requireNonNull(caseNo, "caseNo");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(paidAt, "paidAt");
    Objects.requireNonNull(approvedBy, "approvedBy");
    if (householdId.length() != 18) {
      throw new IllegalArgumentException("householdId must be an 18-character citizen ID: " + householdId);
    }
    if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2) {
      throw new IllegalArgumentException("amount must be non-negative yuan with at most two decimals: " + amount);
    }
  }
}
