-- SPEC §8: the county's grant is paid through the bank (社会化发放). It enters the ledger as SENT in
-- the payment list (发放花名册) of its batch and becomes PAID or FAILED when the bank's return
-- (回盘) is imported; a FAILED grant is sent again once the township has corrected the account.
-- Grants paid at once (the township's advance, rows from before this migration) are PAID.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15+.
ALTER TABLE grant_ledger ADD COLUMN status VARCHAR(10) DEFAULT 'PAID' NOT NULL;
ALTER TABLE grant_ledger ADD COLUMN batch_no VARCHAR(40);
ALTER TABLE grant_ledger ADD CONSTRAINT ck_grant_ledger_status CHECK (status IN ('SENT', 'PAID', 'FAILED'));
-- the payment list and the bank return read one batch's grants
CREATE INDEX ix_grant_ledger_batch ON grant_ledger (batch_no, status);

-- Whom the bank pays a grant to: one row per grant sent through the bank, with the account it is
-- sent to now (a correction replaces it) and what the bank answered last.
CREATE TABLE bank_payment (
  grant_id       BIGINT        NOT NULL PRIMARY KEY,
  household_head VARCHAR(255)  NOT NULL,
  -- the township's code (its group is township + Code) and its name as the list prints it
  township       VARCHAR(40)   NOT NULL,
  township_name  VARCHAR(100)  NOT NULL,
  -- digits only; empty for a case that reached disbursement before accounts were asked
  bank_account   VARCHAR(40),
  bank_name      VARCHAR(255),
  -- how often the grant has been put into a payment list: 1, and one more after each correction
  times_sent     INTEGER       DEFAULT 1 NOT NULL,
  failure_reason VARCHAR(1000),
  -- when the bank's return marked it PAID or FAILED
  returned_at    TIMESTAMP WITH TIME ZONE,
  returned_by    VARCHAR(64),
  CONSTRAINT fk_bank_payment_grant FOREIGN KEY (grant_id) REFERENCES grant_ledger (id)
);
