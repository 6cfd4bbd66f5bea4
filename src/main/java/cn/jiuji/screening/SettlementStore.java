package cn.jiuji.screening;

import cn.jiuji.base.SqlDialect;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import com.github.luben.zstd.ZstdOutputStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.stereotype.Component;

/**
 * The settlements and imported files in the database. Every write is an insert that cannot fail
 * on a duplicate ({@link SqlDialect#insertIfAbsent}, or on PostgreSQL a locked anti-join): a
 * duplicate is an expected event here, and on PostgreSQL a failed statement would abort the
 * surrounding transaction. The unique keys stay the guarantee. The one exception is the fast path
 * of a new file on PostgreSQL, whose COPY the primary key stops at a settlement stored before:
 * the loader tells that as its result ({@link Finish.KnownSettlement}), and the caller reads the
 * file again into the staging path.
 */
@Component
class SettlementStore {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SettlementStore.class);

  private static final String COLUMNS = "settlement_id, id_number, patient_name, household_id, household_head,"
      + " township, village, category, settled_on, total_cost, self_paid, file_id";
  private static final int COLUMN_COUNT = 12;
  /** pg_advisory_xact_lock key of the move from staging: any constant no other code uses. */
  private static final long MOVE_LOCK = 0x4A494A49_53455454L;
  private static final String UNIQUE_VIOLATION = "23505";
  private static final String[] ARCHIVE_COLUMNS = {"id", "sha256", "file_name", "format", "charset", "size_bytes",
      "content", "content_encoding", "imported_by", "imported_at", "rows_read", "rows_accepted", "rows_new",
      "rows_rejected"};

  private final JdbcTemplate jdbc;
  private final DataSource dataSource;
  private final ScreeningProperties properties;
  private final SqlDialect dialect;
  private final DataFieldMaxValueIncrementer fileIds;
  private final SqlDialect.InsertIfAbsent insertSettlement;
  private final SqlDialect.InsertIfAbsent insertArchive;

  SettlementStore(JdbcTemplate jdbc, DataSource dataSource, ScreeningProperties properties, SqlDialect dialect) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.fileIds = dialect.sequence("screening_file_seq");
    this.insertSettlement = dialect.insertIfAbsent("medical_settlement", COLUMNS.split(", "),
        SqlDialect.placeholders(COLUMN_COUNT), "settlement_id");
    String[] archiveValues = SqlDialect.placeholders(ARCHIVE_COLUMNS.length);
    archiveValues[7] = "'" + ARCHIVE_ENCODING + "'";
    this.insertArchive = dialect.insertIfAbsent("screening_file", ARCHIVE_COLUMNS, archiveValues, "sha256");
  }

  long nextFileId() {
    return fileIds.nextLongValue();
  }

  /** How a loader ended: what {@link Loader#finish} stored, or why it stored nothing. */
  sealed interface Finish {
    /** The rows are stored and the file archived with them. */
    record Archived(ArchivedFile file) implements Finish {}

    /**
     * Only from a loader opened with {@code allNew}: the file holds a settlement stored before, or
     * one settlement twice. Nothing is stored; read the file again into a loader opened without it.
     */
    record KnownSettlement() implements Finish {}

    /** A file with the same hash was archived meanwhile (imported at the same moment): nothing is stored. */
    record ArchivedMeanwhile() implements Finish {}
  }

  /**
   * Where the good rows of one import go: {@link #add} them as they are read, {@link #finish} once.
   * Settlements already stored (from an earlier or overlapping file, or earlier in the same file)
   * stay as they are.
   */
  interface Loader extends AutoCloseable {
    void add(Settlement settlement);

    /**
     * Whether the loader already knows that it will finish with {@link Finish.KnownSettlement}:
     * the rest of the file need not be read into it.
     */
    boolean holdsKnownSettlement();

    /**
     * Stores the settlements added and archives the file with them: on PostgreSQL in one
     * transaction, so that a file is either imported with its record or not at all.
     *
     * @param file the file's record, asked for once the rows are stored (its hash and archive are
     *     made meanwhile on another thread)
     * @return the record as archived, with how many settlements were new; or why nothing was stored
     */
    Finish finish(Supplier<FileRecord> file);

    @Override
    void close();
  }

  /**
   * @param allNew the caller expects every settlement of the file to be new and distinct: the
   *     loader may then take a faster path, and finish with {@link Finish.KnownSettlement} when
   *     that was wrong
   */
  Loader open(long fileId, int batchSize, boolean allNew) {
    return dialect.postgres() ? new CopyLoader(fileId, allNew) : new BatchLoader(fileId, batchSize);
  }

  /** JDBC batches, each committed on its own: H2 (tests, the default profile). */
  private final class BatchLoader implements Loader {
    private final long fileId;
    private final int batchSize;
    private final List<Settlement> batch = new ArrayList<>();
    private boolean finished;

    BatchLoader(long fileId, int batchSize) {
      this.fileId = fileId;
      this.batchSize = batchSize;
    }

    @Override
    public void add(Settlement settlement) {
      batch.add(settlement);
      if (batch.size() >= batchSize) {
        flush();
      }
    }

    @Override
    public boolean holdsKnownSettlement() {
      return false;
    }

    @Override
    public Finish finish(Supplier<FileRecord> file) {
      flush();
      Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM medical_settlement WHERE file_id = ?",
          Integer.class, fileId);
      FileRecord record = file.get();
      ArchivedFile archived = record.archived(count == null ? 0 : count);
      try (Connection connection = dataSource.getConnection()) {
        if (!archive(connection, archived, record)) {
          return new Finish.ArchivedMeanwhile();
        }
      } catch (SQLException e) {
        throw new DataAccessResourceFailureException("Cannot archive the file", e);
      }
      finished = true;
      return new Finish.Archived(archived);
    }

    @Override
    public void close() {
      batch.clear();
      if (!finished) {
        // the batches are committed as they go: an import that broke off, or is read again
        // (another character set, a file imported before), takes its rows back
        jdbc.update("DELETE FROM medical_settlement WHERE file_id = ?", fileId);
      }
    }

    private void flush() {
      if (batch.isEmpty()) {
        return;
      }
      jdbc.batchUpdate(insertSettlement.sql(), new BatchPreparedStatementSetter() {
        @Override
        public void setValues(PreparedStatement ps, int i) throws SQLException {
          Settlement s = batch.get(i);
          ps.setString(1, s.settlementId());
          ps.setString(2, s.idNumber());
          ps.setString(3, s.name());
          ps.setString(4, s.householdId());
          ps.setString(5, s.householdHead());
          ps.setString(6, s.township());
          ps.setString(7, s.village());
          if (s.category() == null) {
            ps.setNull(8, Types.VARCHAR);
          } else {
            ps.setString(8, s.category().name());
          }
          ps.setObject(9, s.settledOn());
          ps.setBigDecimal(10, BigDecimal.valueOf(s.totalFen(), 2));
          ps.setBigDecimal(11, BigDecimal.valueOf(s.selfPaidFen(), 2));
          ps.setLong(12, fileId);
          insertSettlement.bindKey(ps, COLUMN_COUNT, s.settlementId());
        }

        @Override
        public int getBatchSize() {
          return batch.size();
        }
      });
      batch.clear();
    }
  }

  /**
   * PostgreSQL: the rows stream through binary COPY ({@link BinaryCopyRow}), and the file's
   * archive record follows them, all in one transaction on one connection: an import that fails
   * half-way leaves nothing behind.
   *
   * <p>With {@code allNew} (the common case: a new month's file) the rows go straight into
   * medical_settlement, whose primary key rejects a settlement stored before or repeated within
   * the file; the COPY then fails as a whole and the loader finishes with
   * {@link Finish.KnownSettlement}, after which the caller reads the file again without
   * {@code allNew}. That costs about a third more than COPY into a plain
   * table, the move from a staging table as much again.
   *
   * <p>Without it the rows go into a temporary staging table, then one INSERT … SELECT moves the
   * settlements not seen before. The anti-join (NOT EXISTS) must see every settlement stored
   * before, so imports hold a transaction-level advisory lock from the start and store their rows
   * one after the other; DISTINCT ON keeps the first row of a settlement repeated within the file,
   * and the insert never meets the primary key. That is half the cost of ON CONFLICT DO NOTHING's
   * speculative insertion of each row; the primary key is still the guarantee.
   */
  private final class CopyLoader implements Loader {
    private final boolean allNew;
    private final long fileId;
    private final Connection connection;
    private final CopyPipe copy;
    private final BinaryCopyRow row = new BinaryCopyRow();
    private long rowNumber;
    private boolean finished;
    /** The primary key stopped the direct COPY: nothing more is sent, nothing will be stored. */
    private boolean knownSettlement;

    CopyLoader(long fileId, boolean allNew) {
      this.allNew = allNew;
      this.fileId = fileId;
      try {
        connection = dataSource.getConnection();
        try {
          connection.setAutoCommit(false);
          try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_xact_lock(" + MOVE_LOCK + ")");
            if (!allNew) {
              statement.execute("CREATE TEMPORARY TABLE settlement_staging"
                  + " (LIKE medical_settlement INCLUDING DEFAULTS, staged_row BIGINT) ON COMMIT DROP");
            }
          }
          CopyManager copyApi = connection.unwrap(PGConnection.class).getCopyAPI();
          copy = new CopyPipe(copyApi.copyIn(allNew
              ? "COPY medical_settlement (" + COLUMNS + ") FROM STDIN (FORMAT binary)"
              : "COPY settlement_staging (" + COLUMNS + ", staged_row) FROM STDIN (FORMAT binary)"),
              BinaryCopyRow.HEADER);
        } catch (SQLException | RuntimeException e) {
          connection.rollback();
          connection.close();
          throw e;
        }
      } catch (SQLException e) {
        throw new DataAccessResourceFailureException("Cannot start loading settlements", e);
      }
    }

    @Override
    public boolean holdsKnownSettlement() {
      return knownSettlement;
    }

    @Override
    public void add(Settlement s) {
      if (knownSettlement) {
        return;
      }
      row.start(allNew ? COLUMN_COUNT : COLUMN_COUNT + 1)
          .text(s.settlementId()).text(s.idNumber()).text(s.name()).text(s.householdId()).text(s.householdHead())
          .text(s.township()).text(s.village()).text(s.category() == null ? null : s.category().name())
          .date(s.settledOn()).fen(s.totalFen()).fen(s.selfPaidFen()).int8(fileId);
      if (!allNew) {
        row.int8(++rowNumber);
      }
      try {
        row.writeTo(copy);
      } catch (IOException e) {
        knownSettlement = isKnownSettlement(e);
        if (!knownSettlement) {
          throw failed(e);
        }
      }
    }

    @Override
    public Finish finish(Supplier<FileRecord> file) {
      try {
        long copied;
        try {
          if (knownSettlement) {
            return new Finish.KnownSettlement();
          }
          copy.write(BinaryCopyRow.TRAILER);
          copied = copy.endCopy();
        } catch (SQLException | IOException e) {
          if (isKnownSettlement(e)) {
            knownSettlement = true;
            return new Finish.KnownSettlement();
          }
          throw failed(e);
        }
        int stored;
        if (allNew) {
          // the rows are in medical_settlement: the primary key accepted every one of them
          stored = Math.toIntExact(copied);
        } else {
          long started = System.nanoTime();
          try (Statement statement = connection.createStatement()) {
            // the sort of DISTINCT ON in memory rather than in temporary files
            statement.execute("SET LOCAL work_mem = '" + properties.stagingWorkMem() + "'");
            stored = statement.executeUpdate("INSERT INTO medical_settlement (" + COLUMNS + ")"
                + " SELECT DISTINCT ON (s.settlement_id) " + COLUMNS.replaceAll("(\\w+)", "s.$1")
                + " FROM settlement_staging s WHERE NOT EXISTS"
                + " (SELECT 1 FROM medical_settlement m WHERE m.settlement_id = s.settlement_id)"
                + " ORDER BY s.settlement_id, s.staged_row");
          }
          LOG.debug("{} staged settlements moved in {} ms", stored, (System.nanoTime() - started) / 1_000_000);
        }
        long archiving = System.nanoTime();
        FileRecord record = file.get();
        ArchivedFile archived = record.archived(stored);
        if (!archive(connection, archived, record)) {
          return new Finish.ArchivedMeanwhile();
        }
        connection.commit();
        LOG.debug("{}: archived and committed in {} ms", record.fileName(), (System.nanoTime() - archiving) / 1_000_000);
        finished = true;
        return new Finish.Archived(archived);
      } catch (SQLException e) {
        throw new DataAccessResourceFailureException("Cannot store the settlements", e);
      }
    }

    /** Whether the direct COPY failed on the primary key: a settlement stored before, or twice in the file. */
    private boolean isKnownSettlement(Exception e) {
      for (Throwable cause = e; allNew && cause != null; cause = cause.getCause()) {
        if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
          return true;
        }
      }
      return false;
    }

    private RuntimeException failed(Exception e) {
      return e instanceof IOException io ? new UncheckedIOException(io)
          : new DataAccessResourceFailureException("Cannot store the settlements", e);
    }

    @Override
    public void close() {
      try {
        if (!finished) {
          // a connection in the middle of a COPY answers nothing else until the COPY ends
          copy.cancel();
          connection.rollback();
        }
        connection.close();
      } catch (SQLException e) {
        // the connection is broken anyway: the pool discards it
      }
    }
  }

  /** A file imported before. */
  record ArchivedFile(long id, String sha256, String fileName, String importedBy, Instant importedAt,
      int rows, int accepted, int newSettlements, int rejected) {}

  Optional<ArchivedFile> findFile(String sha256) {
    return jdbc.query("SELECT id, sha256, file_name, imported_by, imported_at, rows_read, rows_accepted,"
            + " rows_new, rows_rejected FROM screening_file WHERE sha256 = ?",
        (rs, n) -> new ArchivedFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getTimestamp(5).toInstant(), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9)),
        sha256).stream().findFirst();
  }

  /**
   * An imported file as it is archived, all but how many of its settlements were new.
   *
   * @param archive the original bytes compressed by {@link #compress}, in a temporary file the
   *     caller deletes
   */
  record FileRecord(long id, String sha256, String fileName, String importedBy, Instant importedAt, int rows,
      int accepted, int rejected, String format, String charset, long sizeBytes, Path archive) {

    ArchivedFile archived(int newSettlements) {
      return new ArchivedFile(id, sha256, fileName, importedBy, importedAt, rows, accepted, newSettlements, rejected);
    }
  }

  /** How {@link #compress} writes the archive: screening_file.content_encoding. */
  static final String ARCHIVE_ENCODING = "zstd";
  /** Zstandard's level 1: a million-row CSV file (122 MB) in 0.3 s to 22 MB; gzip's fastest takes 0.85 s for 25 MB. */
  private static final int ARCHIVE_LEVEL = 1;

  /**
   * The file compressed with Zstandard into a temporary file (the caller deletes it): done while
   * the rows are loaded, on another thread, so that archiving adds little to an import.
   */
  static Path compress(Path content) {
    try {
      Path archive = Files.createTempFile("jiuji-archive-", ".zst");
      try (var out = new ZstdOutputStream(Files.newOutputStream(archive), ARCHIVE_LEVEL)) {
        Files.copy(content, out);
      }
      return archive;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Archives the original file with its hash and the import's figures on the loader's connection,
   * unless a file with the same hash is there already.
   *
   * @return whether this call archived it
   */
  private boolean archive(Connection connection, ArchivedFile file, FileRecord record) throws SQLException {
    try (InputStream bytes = new java.io.BufferedInputStream(Files.newInputStream(record.archive()), 1 << 16);
        PreparedStatement ps = connection.prepareStatement(insertArchive.sql())) {
      ps.setLong(1, file.id());
      ps.setString(2, file.sha256());
      ps.setString(3, file.fileName());
      ps.setString(4, record.format());
      ps.setString(5, record.charset());
      ps.setLong(6, record.sizeBytes());
      // streamed from the temporary file, not read into a byte array
      ps.setBinaryStream(7, bytes, Files.size(record.archive()));
      ps.setString(8, file.importedBy());
      ps.setTimestamp(9, Timestamp.from(file.importedAt()));
      ps.setInt(10, file.rows());
      ps.setInt(11, file.accepted());
      ps.setInt(12, file.newSettlements());
      ps.setInt(13, file.rejected());
      insertArchive.bindKey(ps, 13, file.sha256());
      return ps.executeUpdate() > 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
