package cn.jiuji.base;

import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Component;

/**
 * Where the application's SQL differs between PostgreSQL (production) and H2 (tests, the default
 * profile): the only place that asks which one it is (case numbers' sequence, the screening's
 * inserts; the import loads PostgreSQL's rows by binary COPY when {@link #postgres()}).
 */
@Component
public final class SqlDialect {

  private final DataSource dataSource;
  private final boolean postgres;

  SqlDialect(DataSource dataSource) throws MetaDataAccessException {
    this.dataSource = dataSource;
    String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    this.postgres = product.toLowerCase().contains("postgres");
  }

  public boolean postgres() {
    return postgres;
  }

  public DataFieldMaxValueIncrementer sequence(String name) {
    return postgres ? new PostgresSequenceMaxValueIncrementer(dataSource, name)
        : new H2SequenceMaxValueIncrementer(dataSource, name);
  }

  /**
   * An insert of one row that does nothing, and does not fail, when a row with the same key is
   * there: PostgreSQL's {@code ON CONFLICT DO NOTHING}, on H2 an insert guarded by {@code NOT
   * EXISTS}. A duplicate is an expected event where this is used, and on PostgreSQL a failed
   * statement would abort the surrounding transaction; the unique key stays the guarantee.
   *
   * @param values one SQL value per column, usually {@code ?}
   */
  public InsertIfAbsent insertIfAbsent(String table, String[] columns, String[] values, String... key) {
    String into = "INSERT INTO " + table + " (" + String.join(", ", columns) + ")";
    if (postgres) {
      return new InsertIfAbsent(into + " VALUES (" + String.join(", ", values) + ") ON CONFLICT ("
          + String.join(", ", key) + ") DO NOTHING", 0);
    }
    String match = Arrays.stream(key).map(column -> column + " = ?").collect(Collectors.joining(" AND "));
    return new InsertIfAbsent(into + " SELECT " + String.join(", ", values) + " WHERE NOT EXISTS (SELECT 1 FROM "
        + table + " WHERE " + match + ")", key.length);
  }

  /** {@code n} placeholders. */
  public static String[] placeholders(int n) {
    return Collections.nCopies(n, "?").toArray(String[]::new);
  }

  /**
   * @param keyParameters how many parameters follow the values: the key again (H2), or none
   */
  public record InsertIfAbsent(String sql, int keyParameters) {

    /** The statement's parameters: the values, then the key's values where the statement needs them. */
    public Object[] arguments(Object[] values, Object... key) {
      return Stream.concat(Arrays.stream(values), Arrays.stream(key).limit(keyParameters)).toArray();
    }

    /** Binds the key's values after the {@code valueCount} values, where the statement needs them. */
    public void bindKey(PreparedStatement statement, int valueCount, Object... key) throws SQLException {
      for (int i : IntStream.range(0, keyParameters).toArray()) {
        statement.setObject(valueCount + 1 + i, key[i]);
      }
    }
  }
}
