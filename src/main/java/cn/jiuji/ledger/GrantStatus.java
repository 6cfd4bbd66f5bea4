package cn.jiuji.ledger;

/** Where a payment of the ledger stands (SPEC §8; the ledger's {@code status} column). */
public enum GrantStatus {
  /** in the payment list of its batch, waiting for the bank's return; counts against the cap */
  SENT,
  /** paid: at once (the township's advance) or as the bank's return reports */
  PAID,
  /** the bank could not pay it; counts against nothing until the township corrects the account */
  FAILED
}
