package cn.jiuji.ledger;

/** Where a payment in the family ledger came from (the ledger's {@code source} column). */
public enum GrantSource {
  /** the county's grant of a case at disbursement (SPEC §3.1 {@code disburse}) */
  CIVIL_AFFAIRS_CASE("一事一议临时救助金"),
  /** the township's grant-first advance (SPEC §3.2 {@code emergencyGrant}); it stays emergency
   * aid even when the case is turned down afterwards */
  TOWNSHIP_ADVANCE("乡镇先行救助（应急救助）");

  private final String label;

  GrantSource(String label) {
    this.label = label;
  }

  /** How the case summary names it. */
  public String label() {
    return label;
  }
}
