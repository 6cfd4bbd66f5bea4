package cn.jiuji.screening;

import cn.jiuji.base.CaseVariable;

/** The variables of a {@code medicalScreening} run: what the run found, for Cockpit and reports. */
public final class ScreeningVariables {

  public static final String PROCESS_KEY = "medicalScreening";

  /** The day the run screened for (yyyy-MM-dd): its years and its policy date. */
  public static final CaseVariable<String> RUN_DATE = CaseVariable.of("runDate", String.class);
  public static final CaseVariable<Long> HOUSEHOLDS_ELIGIBLE = CaseVariable.of("householdsEligible", Long.class);
  /** Eligible households left alone because they have an open case or one from this year. */
  public static final CaseVariable<Long> HOUSEHOLDS_WITH_CASE = CaseVariable.of("householdsWithCase", Long.class);
  public static final CaseVariable<Long> CASES_STARTED = CaseVariable.of("casesStarted", Long.class);
  /** The case numbers started, comma-separated, shortened to fit a string variable. */
  public static final CaseVariable<String> CASE_NUMBERS = CaseVariable.of("caseNumbers", String.class);
  /** The import whose file started the run (message start event medicalFileImported). */
  public static final CaseVariable<Long> IMPORTED_FILE_ID = CaseVariable.of("importedFileId", Long.class);
  /** Message of the start event medicalFileImported: a new file was imported, screen now. */
  public static final String FILE_IMPORTED_MESSAGE = "medicalFileImported";

  private ScreeningVariables() {}
}
