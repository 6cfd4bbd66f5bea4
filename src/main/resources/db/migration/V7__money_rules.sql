-- SPEC §12: money rules the database holds, whichever node or request tries to break them.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15+.

-- One open temporaryAssistance case per household (the head's citizen ID). registerCase writes
-- the row in the start's transaction, so that of two starts racing for one household the primary
-- key lets one commit; the end listener of the process (openCases.close) removes it.
-- Cases started before this table existed are found by registerCase in the engine (no backfill
-- from Camunda's tables here: Flyway may run before the engine has created them).
CREATE TABLE open_case (
  household_id VARCHAR(18) NOT NULL PRIMARY KEY,
  case_no      VARCHAR(40) NOT NULL,
  opened_at    TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
  CONSTRAINT uk_open_case_case UNIQUE (case_no),
  CONSTRAINT ck_open_case_household CHECK (CHAR_LENGTH(household_id) = 18)
);

-- The lock of a household's annual cap: every payment into grant_ledger first locks the row of
-- its household and county calendar year (SELECT ... FOR UPDATE), then sums the year and inserts,
-- so that two payments of one household never both see the room that only one of them fits in.
CREATE TABLE household_year (
  household_id VARCHAR(18) NOT NULL,
  cap_year     INTEGER     NOT NULL,
  CONSTRAINT pk_household_year PRIMARY KEY (household_id, cap_year),
  CONSTRAINT ck_household_year_household CHECK (CHAR_LENGTH(household_id) = 18)
);
