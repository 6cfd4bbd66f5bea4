package cn.jiuji.screening;

import cn.jiuji.decision.Category;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * The household registry's category of a household (SPEC §3.3: an enrollment into long-term
 * protection updates it), where this deployment has one: a table {@code household} with the
 * columns {@code household_id} (the head's citizen ID) and {@code category} (a Category code).
 * Until that table exists the screening goes by the medical-insurance file alone.
 */
@Component
class HouseholdRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(HouseholdRegistry.class);
  static final String TABLE = "household";

  private final JdbcTemplate jdbc;
  private final DataSource dataSource;

  HouseholdRegistry(JdbcTemplate jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
  }

  /** Looked up once per screening run: the table may be added by a later migration. */
  boolean available() {
    try {
      Set<String> columns = JdbcUtils.extractDatabaseMetaData(dataSource, (DatabaseMetaData meta) -> {
        Set<String> found = new HashSet<>();
        for (String table : new String[] {TABLE, TABLE.toUpperCase(Locale.ROOT)}) {
          try (ResultSet rs = meta.getColumns(null, null, table, null)) {
            while (rs.next()) {
              found.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
          } catch (SQLException e) {
            throw new MetaDataAccessException("columns of " + table, e);
          }
        }
        return found;
      });
      return columns.contains("household_id") && columns.contains("category");
    } catch (MetaDataAccessException e) {
      LOG.warn("Cannot look for the household registry table: categories from the files only", e);
      return false;
    }
  }

  /** The registry's category of the household, if it has one this code knows. */
  Optional<Category> category(String householdId) {
    return jdbc.queryForList("SELECT category FROM " + TABLE + " WHERE household_id = ?", String.class, householdId)
        .stream()
        .map(code -> code == null ? null : Category.parse(code.trim()).orElse(null))
        .filter(java.util.Objects::nonNull)
        .reduce(Category::mostFavourable);
  }
}
