-- The household registry (SPEC §3.3, §5): each household's long-term protection category as
-- last approved by an enrollment (低保/低保边缘/特困供养认定), so that the next screening and the
-- next case use the category in force. Portable SQL: H2 2.x and PostgreSQL 15+.
CREATE TABLE household (
  -- the household head's 18-character citizen ID: the family key, as in grant_ledger
  household_id   VARCHAR(18) PRIMARY KEY,
  -- cn.jiuji.decision.Category
  category       VARCHAR(20) NOT NULL,
  -- the day the category took effect (the enrollment's approval day, county time)
  category_since DATE        NOT NULL,
  -- the case (business key of the enrollment) that granted it
  source_case_no VARCHAR(40) NOT NULL,
  updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT ck_household_id CHECK (CHAR_LENGTH(household_id) = 18)
);
