package cn.jiuji.screening;

import cn.jiuji.identity.Groups;
import cn.jiuji.identity.IdentitySetup;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The medical-insurance office and the county's civil-affairs staff may start a screening run
 * from Tasklist (the start form of medicalScreening.bpmn). Idempotent, like IdentitySetup.
 */
@Component
@Order(2)
class ScreeningAuthorizations extends AbstractProcessEnginePlugin {

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (String group : new String[] {Groups.MEDICAL_INSURANCE, Groups.CIVIL_AFFAIRS}) {
      IdentitySetup.grant(authorizations, group, Resources.PROCESS_DEFINITION, ScreeningVariables.PROCESS_KEY,
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
      IdentitySetup.grant(authorizations, group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    }
  }
}
