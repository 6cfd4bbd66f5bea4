-- SPEC §8: the leading group's meetings and their batches (批次). Portable SQL: H2 2.x and PostgreSQL 15+.

-- The batch numbers of one calendar year of the county (2026-01, 2026-02, ...). A meeting that
-- decides cases increments its year's row in its own transaction: the row lock makes two meetings
-- deciding at the same moment on two nodes take one number after the other, and a meeting whose
-- decisions are refused gives its number back with the rollback, so numbers have no gaps.
CREATE TABLE batch_year (
  batch_year INTEGER NOT NULL PRIMARY KEY,
  last_seq   INTEGER NOT NULL,
  CONSTRAINT ck_batch_year_seq CHECK (last_seq >= 0)
);

-- One batch per meeting that decided at least one case.
CREATE TABLE meeting_batch (
  batch_no            VARCHAR(16)  NOT NULL PRIMARY KEY,
  batch_year          INTEGER      NOT NULL,
  seq                 INTEGER      NOT NULL,
  meeting_instance_id VARCHAR(64)  NOT NULL,
  meeting_date        DATE         NOT NULL,
  meeting_title       VARCHAR(200) NOT NULL,
  decided_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  decided_by          VARCHAR(64)  NOT NULL,
  CONSTRAINT uk_meeting_batch_year_seq UNIQUE (batch_year, seq),
  CONSTRAINT uk_meeting_batch_meeting UNIQUE (meeting_instance_id),
  CONSTRAINT fk_meeting_batch_year FOREIGN KEY (batch_year) REFERENCES batch_year (batch_year)
);

-- The cases a meeting decided: a case belongs to at most one batch (the primary key).
CREATE TABLE batch_case (
  case_no             VARCHAR(40) NOT NULL PRIMARY KEY,
  batch_no            VARCHAR(16) NOT NULL,
  process_instance_id VARCHAR(64) NOT NULL,
  approved            BOOLEAN     NOT NULL,
  CONSTRAINT fk_batch_case_batch FOREIGN KEY (batch_no) REFERENCES meeting_batch (batch_no)
);
CREATE INDEX ix_batch_case_batch ON batch_case (batch_no);
