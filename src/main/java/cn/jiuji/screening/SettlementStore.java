package cn.jiuji.screening;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Component;

/**
 * The settlements and imported files in the database. Every write is an insert that cannot fail
 * on a duplicate (PostgreSQL's {@code ON CONFLICT DO NOTHING} or a locked anti-join, on H2 an
 * insert guarded by {@code NOT EXISTS}): a duplicate is an expected event here, and on PostgreSQL
 * a failed statement would abort the surrounding transaction. The unique keys stay the guarantee.
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

  private final JdbcTemplate jdbc;
  private final DataSource dataSource;
  private final ScreeningProperties properties;
  private final boolean postgres;
  private final DataFieldMaxValueIncrementer fileIds;
  private final String insertSettlement;

  SettlementStore(JdbcTemplate jdbc, DataSource dataSource, ScreeningProperties properties)
      throws MetaDataAccessException {
    this.jdbc = jdbc;
    this.properties = properties;
    this.dataSource = dataSource;
    String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    this.postgres = product.toLowerCase().contains("postgres");
    this.fileIds = postgres
        ? new PostgresSequenceMaxValueIncrementer(dataSource, "screening_file_seq")
        : new H2SequenceMaxValueIncrementer(dataSource, "screening_file_seq");
    String placeholders = String.join(", ", java.util.Collections.nCopies(COLUMN_COUNT, "?"));
    this.insertSettlement = "INSERT INTO medical_settlement (" + COLUMNS + ") SELECT " + placeholders
            + " WHERE NOT EXISTS (SELECT 1 FROM medical_settlement WHERE settlement_id = ?)";
  }

  boolean postgres() {
    return postgres;
  }

  long nextFileId() {
    return fileIds.nextLongValue();
  }

  /**
   * Where the good rows of one import go: {@link #add} them as they are read, {@link #finish} once.
   * Settlements already stored (from an earlier or overlapping file, or earlier in the same file)
   * stay as they are.
   */
  interface Loader extends AutoCloseable {
    void add(Settlement settlement);

    /** @return how many settlements were new */
    int finish();

    @Override
    void close();
  }

  /**
   * @param allNew the caller expects every settlement of the file to be new and distinct: the
   *     loader may then take a faster path and throw {@link KnownSettlement} (from {@code add} or
   *     {@code finish}) when that was wrong
   */
  Loader open(long fileId, int batchSize, boolean allNew) {
    return postgres ? new CopyLoader(fileId, allNew) : new BatchLoader(fileId, batchSize);
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
    public int finish() {
      flush();
      finished = true;
      Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM medical_settlement WHERE file_id = ?",
          Integer.class, fileId);
      return count == null ? 0 : count;
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
      jdbc.batchUpdate(insertSettlement, new BatchPreparedStatementSetter() {
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
          ps.setString(13, s.settlementId());
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
   * Thrown by a loader opened with {@code allNew} when the file holds a settlement stored
   * before, or one settlement twice: nothing was stored, read the file again into a loader
   * opened without it.
   */
  static final class KnownSettlement extends RuntimeException {
    KnownSettlement(Throwable cause) {
      super("The file holds a settlement stored before or twice", cause, false, false);
    }
  }

  /**
   * PostgreSQL: the rows stream through COPY, all in one transaction on one connection: an
   * import that fails half-way leaves nothing behind.
   *
   * <p>With {@code allNew} (the common case: a new month's file) the rows go straight into
   * medical_settlement, whose primary key rejects a settlement stored before or repeated within
   * the file; the COPY then fails as a whole and {@link KnownSettlement} tells the caller to read
   * the file again without {@code allNew}. That costs about a third more than COPY into a plain
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
    private final String fileIdText;
    private final Connection connection;
    private final CopyPipe copy;
    private byte[] bytes = new byte[1024];
    private int length;
    private long rowNumber;
    private boolean finished;

    CopyLoader(long fileId, boolean allNew) {
      this.allNew = allNew;
      this.fileIdText = Long.toString(fileId);
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
              ? "COPY medical_settlement (" + COLUMNS + ") FROM STDIN"
              : "COPY settlement_staging (" + COLUMNS + ", staged_row) FROM STDIN"));
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
    public void add(Settlement s) {
      // the row's COPY text straight into UTF-8 bytes: no String, no Writer, no encoder per row
      length = 0;
      field(s.settlementId()).field(s.idNumber()).field(s.name()).field(s.householdId()).field(s.householdHead())
          .field(s.township()).field(s.village()).field(s.category() == null ? null : s.category().name())
          .date(s.settledOn()).fen(s.totalFen()).fen(s.selfPaidFen()).field(fileIdText);
      if (allNew) {
        bytes[length - 1] = '\n';
      } else {
        digits(++rowNumber);
        bytes[length++] = '\n';
      }
      try {
        copy.write(bytes, 0, length);
      } catch (IOException e) {
        throw failed(e);
      }
    }

    private void room(int more) {
      if (length + more > bytes.length) {
        bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
      }
    }

    /**
     * COPY's text format: tab-separated, \\N for null, backslash escapes for what the text may
     * hold, in UTF-8 (a lone surrogate becomes '?', as Java's encoder writes it).
     */
    private CopyLoader field(String value) {
      if (value == null) {
        room(3);
        bytes[length++] = '\\';
        bytes[length++] = 'N';
      } else {
        room(value.length() * 3 + 1);
        for (int i = 0; i < value.length(); i++) {
          char c = value.charAt(i);
          if (c < 0x80) {
            switch (c) {
              case '\\' -> escape('\\');
              case '\t' -> escape('t');
              case '\n' -> escape('n');
              case '\r' -> escape('r');
              default -> bytes[length++] = (byte) c;
            }
          } else if (c < 0x800) {
            bytes[length++] = (byte) (0xC0 | c >> 6);
            bytes[length++] = (byte) (0x80 | c & 0x3F);
          } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
              && Character.isLowSurrogate(value.charAt(i + 1))) {
            int cp = Character.toCodePoint(c, value.charAt(++i));
            bytes[length++] = (byte) (0xF0 | cp >> 18);
            bytes[length++] = (byte) (0x80 | cp >> 12 & 0x3F);
            bytes[length++] = (byte) (0x80 | cp >> 6 & 0x3F);
            bytes[length++] = (byte) (0x80 | cp & 0x3F);
          } else if (Character.isSurrogate(c)) {
            bytes[length++] = '?';
          } else {
            bytes[length++] = (byte) (0xE0 | c >> 12);
            bytes[length++] = (byte) (0x80 | c >> 6 & 0x3F);
            bytes[length++] = (byte) (0x80 | c & 0x3F);
          }
        }
      }
      bytes[length++] = '\t';
      return this;
    }

    private void escape(char c) {
      room(2);
      bytes[length++] = '\\';
      bytes[length++] = (byte) c;
    }

    private CopyLoader date(java.time.LocalDate date) {
      return field(date.toString());
    }

    /** A non-negative amount in fen as yuan: 123456 → 1234.56 (without BigDecimal). */
    private CopyLoader fen(long fen) {
      digits(fen / 100);
      room(4);
      long cents = fen % 100;
      bytes[length++] = '.';
      bytes[length++] = (byte) ('0' + cents / 10);
      bytes[length++] = (byte) ('0' + cents % 10);
      bytes[length++] = '\t';
      return this;
    }

    private void digits(long value) {
      room(20);
      int start = length;
      do {
        bytes[length++] = (byte) ('0' + value % 10);
        value /= 10;
      } while (value > 0);
      for (int i = start, j = length - 1; i < j; i++, j--) {
        byte b = bytes[i];
        bytes[i] = bytes[j];
        bytes[j] = b;
      }
    }

    @Override
    public int finish() {
      try {
        long copied;
        try {
          copied = copy.endCopy();
        } catch (SQLException e) {
          throw failed(e);
        }
        if (allNew) {
          // the rows are in medical_settlement: the primary key accepted every one of them
          connection.commit();
          finished = true;
          return Math.toIntExact(copied);
        }
        long started = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
          // the sort of DISTINCT ON in memory rather than in temporary files
          statement.execute("SET LOCAL work_mem = '" + properties.stagingWorkMem() + "'");
          int inserted = statement.executeUpdate("INSERT INTO medical_settlement (" + COLUMNS + ")"
              + " SELECT DISTINCT ON (s.settlement_id) " + COLUMNS.replaceAll("(\\w+)", "s.$1")
              + " FROM settlement_staging s WHERE NOT EXISTS"
              + " (SELECT 1 FROM medical_settlement m WHERE m.settlement_id = s.settlement_id)"
              + " ORDER BY s.settlement_id, s.staged_row");
          connection.commit();
          finished = true;
          LOG.debug("{} staged settlements moved in {} ms", inserted, (System.nanoTime() - started) / 1_000_000);
          return inserted;
        }
      } catch (SQLException e) {
        throw new DataAccessResourceFailureException("Cannot store the settlements", e);
      } catch (IOException e) {
        throw failed(e);
      }
    }

    /** A unique violation of the direct COPY is {@link KnownSettlement}, anything else an error. */
    private RuntimeException failed(Exception e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (allNew && cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
          return new KnownSettlement(e);
        }
      }
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
   * Archives the original file with its hash and the import's figures, unless a file with the
   * same hash is there already (two uploads of one file at once).
   *
   * @return whether this call archived it
   */
  boolean archive(ArchivedFile file, String format, String charset, Path content, Path gzip) {
    String columns = "id, sha256, file_name, format, charset, size_bytes, content_gzip, imported_by, imported_at,"
        + " rows_read, rows_accepted, rows_new, rows_rejected";
    String values = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";
    String sql = postgres
        ? "INSERT INTO screening_file (" + columns + ") VALUES (" + values + ") ON CONFLICT (sha256) DO NOTHING"
        : "INSERT INTO screening_file (" + columns + ") SELECT " + values
            + " WHERE NOT EXISTS (SELECT 1 FROM screening_file WHERE sha256 = ?)";
    try {
      return archive(sql, file, format, charset, Files.size(content), gzip);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The file gzip-compressed into a temporary file (the caller deletes it): done while the rows
   * are loaded, on another thread, so that archiving adds little to an import.
   */
  static Path compress(Path content) {
    try {
      Path gzip = Files.createTempFile("jiuji-archive-", ".gz");
      try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gzip), 1 << 16) {
        { def.setLevel(java.util.zip.Deflater.BEST_SPEED); }
      }) {
        Files.copy(content, out);
      }
      return gzip;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean archive(String sql, ArchivedFile file, String format, String charset, long size, Path gzip)
      throws IOException {
    try (InputStream bytes = Files.newInputStream(gzip)) {
      long compressed = Files.size(gzip);
      Integer inserted = jdbc.execute(sql, (PreparedStatement ps) -> {
        ps.setLong(1, file.id());
        ps.setString(2, file.sha256());
        ps.setString(3, file.fileName());
        ps.setString(4, format);
        ps.setString(5, charset);
        ps.setLong(6, size);
        // streamed from the temporary file, not read into a byte array
        ps.setBinaryStream(7, bytes, compressed);
        ps.setString(8, file.importedBy());
        ps.setTimestamp(9, Timestamp.from(file.importedAt()));
        ps.setInt(10, file.rows());
        ps.setInt(11, file.accepted());
        ps.setInt(12, file.newSettlements());
        ps.setInt(13, file.rejected());
        if (!postgres) {
          ps.setString(14, file.sha256());
        }
        return ps.executeUpdate();
      });
      return inserted != null && inserted > 0;
    }
  }
}
