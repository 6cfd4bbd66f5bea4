package cn.jiuji.casefile;

/** Where a payment in the family ledger came from (the ledger's {@code source} column). */
public enum GrantSource {
  /** the county's grant of a case at disbursement (SPEC §3.1 {@code disburse}) */
  CIVIL_AFFAIRS_CASE,
  /** the township's grant-first advance (SPEC §3.2 {@code emergencyGrant}) */
  TOWNSHIP_ADVANCE
}
