package cn.jiuji.assistance;

import cn.jiuji.base.SqlDialect;
import java.time.LocalDate;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.stereotype.Component;

/** Hands out case numbers {@code YSYY-2026-00042} from a database sequence: unique across nodes. */
@Component
public class CaseNumbers {

  private static final String SEQUENCE = "case_no_seq";

  private final DataFieldMaxValueIncrementer sequence;
  private final CaseProperties cases;

  CaseNumbers(SqlDialect dialect, CaseProperties cases) {
    this.cases = cases;
    this.sequence = dialect.sequence(SEQUENCE);
  }

  public String next(LocalDate day) {
    return String.format("%s-%d-%05d", cases.numberPrefix(), day.getYear(), sequence.nextLongValue());
  }
}
