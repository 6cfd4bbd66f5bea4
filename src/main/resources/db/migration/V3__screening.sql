-- Proactive screening (SPEC §3.4, §5): the medical-insurance office's settlements, the files
-- they came in, and the cases the screening started. Portable SQL: H2 2.x and PostgreSQL 15+.

-- One row per imported file, with the original bytes: the archive lives in the database so that
-- every node of a cluster (SPEC §7) sees it, it is in the database backups, and it is written in
-- the same transaction as the record of the import. The SHA-256 (of the original bytes) makes a
-- repeated file a no-op. The bytes are stored gzip-compressed: a CSV shrinks to a fifth, and the
-- database spends no time on compressing them itself.
CREATE SEQUENCE screening_file_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE screening_file (
  id              BIGINT        PRIMARY KEY,
  sha256          CHAR(64)      NOT NULL,
  file_name       VARCHAR(255)  NOT NULL,
  -- CSV or XLSX; the character set a CSV file was read in (UTF-8 or GB18030, i.e. GBK)
  format          VARCHAR(10)   NOT NULL,
  charset         VARCHAR(20),
  size_bytes      BIGINT        NOT NULL,
  content_gzip    BYTEA         NOT NULL,
  imported_by     VARCHAR(64),
  imported_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  -- data rows, good rows, good rows whose settlement was new, bad rows
  rows_read       INT           NOT NULL,
  rows_accepted   INT           NOT NULL,
  rows_new        INT           NOT NULL,
  rows_rejected   INT           NOT NULL,
  CONSTRAINT uk_screening_file_sha256 UNIQUE (sha256)
);

-- One row per settlement (结算单号): the primary key is what guarantees that a settlement seen in
-- an earlier or overlapping file is never counted twice.
CREATE TABLE medical_settlement (
  settlement_id   VARCHAR(64)    PRIMARY KEY,
  id_number       VARCHAR(18)    NOT NULL,
  patient_name    VARCHAR(50)    NOT NULL,
  -- the household head's citizen ID: the family key (as household_id in grant_ledger)
  household_id    VARCHAR(18)    NOT NULL,
  household_head  VARCHAR(50)    NOT NULL,
  -- township code (SPEC §4), the file has its Chinese name
  township        VARCHAR(40)    NOT NULL,
  village         VARCHAR(100)   NOT NULL,
  -- cn.jiuji.decision.Category code, null when the file left 人员类别 empty
  category        VARCHAR(20),
  settled_on      DATE           NOT NULL,
  total_cost      NUMERIC(14, 2) NOT NULL,
  self_paid       NUMERIC(14, 2) NOT NULL,
  -- the import that brought the settlement first (screening_file.id; the file row is written
  -- when the import ends, hence no foreign key)
  file_id         BIGINT         NOT NULL,
  CONSTRAINT ck_medical_settlement_self_paid CHECK (self_paid >= 0 AND self_paid <= total_cost)
);

-- No index on household_id: the screening reads all settlements of its years in one scan anyway,
-- and a second index on a million random keys would more than double the import's time.

-- The screening's claim on a household for a calendar year: at most one screening case per
-- household and year, even when two runs (timer on one node, an import on another) overlap.
CREATE TABLE screening_case (
  household_id    VARCHAR(18)  NOT NULL,
  screening_year  INT          NOT NULL,
  case_no         VARCHAR(40),
  process_instance_id VARCHAR(64),
  claimed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT pk_screening_case PRIMARY KEY (household_id, screening_year)
);
