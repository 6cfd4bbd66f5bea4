package cn.jiuji.household;

import cn.jiuji.base.CountyClock;
import cn.jiuji.household.IdNumbers;
import cn.jiuji.household.Category;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The household registry (table {@code household}, migration V4): the long-term protection
 * category each household holds since its last approved enrollment (SPEC §3.3). The screening and
 * the case start read it, so a family enrolled into 低保 meets the lower threshold next time.
 *
 * <p>Called from delegates, it shares the engine's transaction. On PostgreSQL a failed statement
 * aborts that transaction, so the upsert never provokes a key violation: it updates the row, and
 * only when there was none inserts it with {@code INSERT ... SELECT ... WHERE NOT EXISTS}. Should
 * two approvals for one household race, the primary key refuses the second insert and its job is
 * retried, then takes the update path.
 */
@Component
public class HouseholdRegistry {

  private static final String UPDATE = """
      UPDATE household SET category = ?, category_since = ?, source_case_no = ?, updated_at = ?
      WHERE household_id = ?
      """;

  // the parameters of an INSERT ... SELECT need a type on H2 (see Ledger)
  private static final String INSERT = """
      INSERT INTO household (household_id, category, category_since, source_case_no, updated_at)
      SELECT CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS DATE), CAST(? AS VARCHAR),
             CAST(? AS TIMESTAMP WITH TIME ZONE)
      WHERE NOT EXISTS (SELECT 1 FROM household WHERE household_id = ?)
      """;

  /** One household's entry. */
  public record Entry(String householdId, Category category, LocalDate since, String sourceCaseNo) {}

  private final JdbcTemplate jdbc;
  private final CountyClock clock;

  HouseholdRegistry(JdbcTemplate jdbc, CountyClock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The category the household holds by an approved enrollment; empty for a household never enrolled. */
  public Optional<Category> categoryOf(String householdId) {
    return entryOf(householdId).map(Entry::category);
  }

  public Optional<Entry> entryOf(String householdId) {
    String id = IdNumbers.normalize(householdId);
    if (id == null) {
      return Optional.empty();
    }
    List<Entry> entries = jdbc.query(
        "SELECT household_id, category, category_since, source_case_no FROM household WHERE household_id = ?",
        (rs, row) -> new Entry(rs.getString(1), Category.valueOf(rs.getString(2)),
            rs.getObject(3, LocalDate.class), rs.getString(4)),
        id);
    return entries.stream().findFirst();
  }

  /**
   * Records the category an enrollment granted: the latest approval is the category in force,
   * also when it is less favourable than an earlier one (a family whose situation improved).
   * Running it again with the same values changes nothing but {@code updated_at}.
   */
  public void setCategory(String householdId, Category category, LocalDate since, String caseNo) {
    String id = IdNumbers.normalize(householdId);
    if (!IdNumbers.isValid(id)) {
      throw new IllegalArgumentException("not a valid citizen ID: " + householdId);
    }
    OffsetDateTime now = clock.now().atOffset(ZoneOffset.UTC);
    int updated = jdbc.update(UPDATE, category.name(), since, caseNo, now, id);
    if (updated == 0) {
      jdbc.update(INSERT, id, category.name(), since, caseNo, now, id);
    }
  }
}
