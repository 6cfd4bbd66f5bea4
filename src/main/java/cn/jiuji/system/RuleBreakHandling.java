package cn.jiuji.system;

import cn.jiuji.base.RuleBreak;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * How the engine treats a {@link RuleBreak}, the user's mistake, as against a fault.
 *
 * <ul>
 *   <li>The engine wraps what a task listener throws ("Exception while invoking TaskListener:
 *       …"). An interceptor hands the caller the refusal itself, so that each REST stack answers
 *       it with its status and the bare Chinese message.
 *   <li>The engine's command context logs every failed command at ERROR with its whole stack
 *       trace ({@code org.camunda.bpm.engine.context}, ENGINE-16004), except what Camunda itself
 *       counts as the caller's mistake (a bad request, a missing authorization, an optimistic
 *       lock), which it logs at DEBUG. A refusal is counted among those, found also inside the
 *       wrappers; every other failure is still logged at ERROR with its trace. The refusal's one
 *       line is written where it is answered (the REST stacks) at INFO.
 * </ul>
 */
@Component
class RuleBreakHandling extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    interceptors.add(new Unwrap());
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);

    var contexts = new RefusalAwareContexts();
    contexts.setProcessEngineConfiguration(configuration);
    configuration.setCommandContextFactory(contexts);
  }

  static final class Unwrap extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        throw RuleBreak.in(e).map(RuntimeException.class::cast).orElse(e);
      }
    }
  }

  /** Command contexts that log a refusal as Camunda logs a bad request: at DEBUG. */
  static final class RefusalAwareContexts extends CommandContextFactory {
    @Override
    public CommandContext createCommandContext() {
      return new CommandContext(processEngineConfiguration) {
        @Override
        protected boolean shouldLogFine(Throwable exception) {
          return super.shouldLogFine(exception) || RuleBreak.in(exception).isPresent();
        }
      };
    }
  }
}
