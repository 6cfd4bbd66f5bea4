package cn.jiuji.assistance;

import cn.jiuji.identity.Groups;
import cn.jiuji.identity.IdentitySetup;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.stereotype.Component;

/**
 * Who may see one case (SPEC §4). The township it belongs to, and the leading group once the case
 * reaches it, get read access to this instance and its history only, so a township worker never
 * sees another township's families. Reading the instance includes its variables; changing them is
 * only possible through the tasks a group is candidate of, which Camunda authorizes task by task.
 * County groups and managers read all cases through their process-definition permissions (see
 * IdentitySetup).
 */
@Component
public class CaseAccess {

  private final AuthorizationService authorizations;
  private final CommandExecutor commands;

  CaseAccess(AuthorizationService authorizations, ProcessEngineConfigurationImpl engine) {
    this.authorizations = authorizations;
    this.commands = engine.getCommandExecutorTxRequired();
  }

  public void grantTownship(String processInstanceId, String townshipGroup) {
    grantCase(processInstanceId, townshipGroup);
  }

  /**
   * Lets the leading group read the case it is asked to approve: call when the case reaches
   * {@code groupApproval}. The approval task itself is authorized by Camunda as for every
   * candidate group.
   */
  public void grantLeadingGroup(String processInstanceId) {
    grantCase(processInstanceId, Groups.LEADING_GROUP);
  }

  /**
   * Lets a partner department read a case once it is referred to it (SPEC §9), and the referral
   * itself: call when its {@code partnerAid} task is created. Never the rest of the county.
   */
  public void grantPartner(String processInstanceId, String group) {
    grantCase(processInstanceId, group);
  }

  private void grantCase(String processInstanceId, String group) {
    // Whoever moves the case on (a township worker starting it from Tasklist, a controller serving
    // a logged-in user) has no right to create authorizations and must not need one. Delegates and
    // listeners already run unchecked (Camunda's authorizationEnabledForCustomCode is off); other
    // callers are covered here. The grant joins the caller's transaction, so a case that fails to
    // start leaves no grant behind.
    commands.execute(context -> context.runWithoutAuthorization(() -> {
      IdentitySetup.grant(authorizations, group, Resources.PROCESS_INSTANCE, processInstanceId,
          ProcessInstancePermissions.READ);
      IdentitySetup.grant(authorizations, group, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId,
          HistoricProcessInstancePermissions.READ);
      return null;
    }));
  }
}
