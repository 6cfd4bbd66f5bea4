package cn.jiuji.assistance;

import java.time.LocalDate;
import javax.sql.DataSource;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/** Hands out case numbers {@code YSYY-2026-00042} from a database sequence: unique across nodes. */
@Component
public class CaseNumbers {

  private static final String SEQUENCE = "case_no_seq";

  private final DataFieldMaxValueIncrementer sequence;
  private final CaseProperties cases;

  CaseNumbers(DataSource dataSource, CaseProperties cases) throws MetaDataAccessException {
    this.cases = cases;
    String product = JdbcUtils.extractDatabaseMetaData(dataSource, "getDatabaseProductName");
    this.sequence = product.toLowerCase().contains("postgres")
        ? new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE)
        : new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE);
  }

  public String next(LocalDate day) {
    return String.format("%s-%d-%05d", cases.numberPrefix(), day.getYear(), sequence.nextLongValue());
  }
}
