package cn.jiuji.ledger;

/** Where a payment in the family ledger came from (the ledger's {@code source} column). */
public enum GrantSource {
  /** the county's grant of a case at disbursement (SPEC §3.1 {@code disburse}) */
  CIVIL_AFFAIRS_CASE("一事一议临时救助金"),
  /** the township's grant-first advance (SPEC §3.2 {@code emergencyGrant}); it stays emergency
   * aid even when the case is turned down afterwards */
  TOWNSHIP_ADVANCE("乡镇先行救助（应急救助）"),
  // partner departments' aid to a case (SPEC §9), each from the department's own funds
  /** the township government's own temporary assistance (civil-affairs money: it counts to the cap) */
  TOWNSHIP_TEMPORARY("乡镇人民政府临时救助"),
  CHARITY("县慈善总会慈善救助"),
  DISABLED_FEDERATION("县残疾人联合会帮扶"),
  EDUCATION("县教育局教育救助"),
  HUMAN_RESOURCES("县人力资源和社会保障局就业帮扶"),
  HOUSING("县住房和城乡建设局住房救助"),
  MEDICAL_ASSISTANCE("县医疗保障局医疗救助");

  private final String label;

  GrantSource(String label) {
    this.label = label;
  }

  /** How the case summary names it. */
  public String label() {
    return label;
  }
}
