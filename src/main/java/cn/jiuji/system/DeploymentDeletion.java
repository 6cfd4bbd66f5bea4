package cn.jiuji.system;

import cn.jiuji.base.RuleBreak;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractDeleteProcessDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * SPEC §12: deleting a deployment never deletes cases or their history. With {@code cascade}
 * the engine deletes every instance of the deployment's processes and all their history (a
 * designer did it over REST and the county lost every case); only an administrator may ask for
 * that, in every API (Cockpit, either REST root, Java), since the check sits in the engine's
 * command chain. Without {@code cascade} the engine refuses to delete a deployment that still
 * has running cases and keeps the history. The ledger is the application's own table and never
 * deleted with anything of the engine.
 */
@Component
class DeploymentDeletion extends AbstractProcessEnginePlugin {

  static final String ADMINISTRATORS_ONLY =
      "连同案件及其历史记录一并删除（cascade）仅限系统管理员操作；删除部署不能删除任何案件";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    interceptors.add(new Check(configuration));
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  static final class Check extends CommandInterceptor {
    private final ProcessEngineConfigurationImpl configuration;

    Check(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      if ((command instanceof DeleteDeploymentCmd || command instanceof AbstractDeleteProcessDefinitionCmd)
          && cascade(command) && !administrator()) {
        throw RuleBreak.forbidden(ADMINISTRATORS_ONLY);
      }
      return next.execute(command);
    }

    /** The system itself (no one authenticated, e.g. a test emptying the county) is an administrator. */
    private boolean administrator() {
      var user = configuration.getIdentityService().getCurrentAuthentication();
      if (user == null) {
        return true;
      }
      return configuration.getAdminUsers() != null && configuration.getAdminUsers().contains(user.getUserId())
          || user.getGroupIds() != null && configuration.getAdminGroups() != null
          && user.getGroupIds().stream().anyMatch(configuration.getAdminGroups()::contains);
    }

    /** Camunda's commands keep the flag to themselves. */
    private static boolean cascade(Command<?> command) {
      for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
        try {
          Field cascade = type.getDeclaredField("cascade");
          cascade.setAccessible(true);
          return cascade.getBoolean(command);
        } catch (NoSuchFieldException e) {
          // declared higher up
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
      throw new IllegalStateException(command.getClass() + " has no cascade flag");
    }
  }
}
