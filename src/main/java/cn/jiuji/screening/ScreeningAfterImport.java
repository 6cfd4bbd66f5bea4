package cn.jiuji.screening;

import static cn.jiuji.screening.ScreeningVariables.FILE_IMPORTED_MESSAGE;
import static cn.jiuji.screening.ScreeningVariables.IMPORTED_FILE_ID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.stereotype.Component;

/**
 * The screening after an import (SPEC §6): a {@code medicalScreening} instance started by its
 * message start event 医保数据已导入, so that Cockpit shows the run like any other. That path of
 * the model has no asynchronous continuation (the Tasklist and monthly starts have theirs after
 * their start event), so the run is done when the start returns, and its result comes back in the
 * import's own answer.
 */
@Component
class ScreeningAfterImport {

  private final RuntimeService runtime;
  private final CommandExecutor commands;

  ScreeningAfterImport(RuntimeService runtime, ProcessEngineConfigurationImpl engine) {
    this.runtime = runtime;
    this.commands = engine.getCommandExecutorTxRequired();
  }

  /**
   * Runs the screening for the file just imported. Authorization checks are suspended for the
   * start, as for every case the run starts: the importer is allowed to import (the controller
   * checked that), the screening is the system's work; the importer stays its initiator.
   */
  Screening.Result run(long importedFileId) {
    var correlation = commands.execute(context -> context.runWithoutAuthorization(() ->
        runtime.createMessageCorrelation(FILE_IMPORTED_MESSAGE)
            .setVariable(IMPORTED_FILE_ID.name(), importedFileId)
            .correlateWithResultAndVariables(false)));
    if (!(correlation.getVariables().get(RunScreening.RESULT) instanceof Screening.Result result)) {
      throw new IllegalStateException("medicalScreening ended without a screening result: "
          + correlation.getProcessInstance().getId());
    }
    return result;
  }
}
