-- The archived files are compressed already (SettlementStore.compress): PostgreSQL's own
-- compression of large values (pglz) only wastes its time on them, about 0.4 s for the 25 MB of
-- a million-row file before it gives up. EXTERNAL keeps them out of line, uncompressed.
ALTER TABLE screening_file ALTER COLUMN content SET STORAGE EXTERNAL;
