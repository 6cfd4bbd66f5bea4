package cn.jiuji.screening;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
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
 * on a duplicate (PostgreSQL's {@code ON CONFLICT DO NOTHING}, on H2 an insert guarded by
 * {@code NOT EXISTS}): a duplicate is an expected event here, and on PostgreSQL a failed statement
 * would abort the surrounding transaction. The unique keys stay the guarantee.
 */
@Component
class SettlementStore {

  private static final String COLUMNS = "settlement_id, id_number, patient_name, household_id, household_head,"
      + " township, village, category, settled_on, total_cost, self_paid, file_id";
  private static final int COLUMN_COUNT = 12;

  private final JdbcTemplate jdbc;
  private final boolean postgres;
  private final DataFieldMaxValueIncrementer fileIds;
  private final String insertSettlement;

  SettlementStore(JdbcTemplate jdbc, DataSource dataSource) throws MetaDataAccessException {
    this.jdbc = jdbc;
    String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    this.postgres = product.toLowerCase().contains("postgres");
    this.fileIds = postgres
        ? new PostgresSequenceMaxValueIncrementer(dataSource, "screening_file_seq")
        : new H2SequenceMaxValueIncrementer(dataSource, "screening_file_seq");
    String placeholders = String.join(", ", java.util.Collections.nCopies(COLUMN_COUNT, "?"));
    this.insertSettlement = postgres
        ? "INSERT INTO medical_settlement (" + COLUMNS + ") VALUES (" + placeholders + ")"
            + " ON CONFLICT (settlement_id) DO NOTHING"
        : "INSERT INTO medical_settlement (" + COLUMNS + ") SELECT " + placeholders
            + " WHERE NOT EXISTS (SELECT 1 FROM medical_settlement WHERE settlement_id = ?)";
  }

  boolean postgres() {
    return postgres;
  }

  long nextFileId() {
    return fileIds.nextLongValue();
  }

  /** Stores the settlements not seen before; those already stored stay as they are. */
  void insert(List<Settlement> batch, long fileId) {
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
        ps.setBigDecimal(10, s.totalCost());
        ps.setBigDecimal(11, s.selfPaid());
        ps.setLong(12, fileId);
        if (!postgres) {
          ps.setString(13, s.settlementId());
        }
      }

      @Override
      public int getBatchSize() {
        return batch.size();
      }
    });
  }

  /** How many settlements an import brought first: those stored with its id. */
  int newSettlements(long fileId) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM medical_settlement WHERE file_id = ?",
        Integer.class, fileId);
    return count == null ? 0 : count;
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
  boolean archive(ArchivedFile file, String format, String charset, Path content) {
    String columns = "id, sha256, file_name, format, charset, size_bytes, content, imported_by, imported_at,"
        + " rows_read, rows_accepted, rows_new, rows_rejected";
    String values = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";
    String sql = postgres
        ? "INSERT INTO screening_file (" + columns + ") VALUES (" + values + ") ON CONFLICT (sha256) DO NOTHING"
        : "INSERT INTO screening_file (" + columns + ") SELECT " + values
            + " WHERE NOT EXISTS (SELECT 1 FROM screening_file WHERE sha256 = ?)";
    try (InputStream bytes = Files.newInputStream(content)) {
      long size = Files.size(content);
      Integer inserted = jdbc.execute(sql, (PreparedStatement ps) -> {
        ps.setLong(1, file.id());
        ps.setString(2, file.sha256());
        ps.setString(3, file.fileName());
        ps.setString(4, format);
        ps.setString(5, charset);
        ps.setLong(6, size);
        // streamed from the temporary file, not read into a byte array
        ps.setBinaryStream(7, bytes, size);
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
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
