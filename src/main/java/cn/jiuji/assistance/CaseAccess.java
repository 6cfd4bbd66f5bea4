package cn.jiuji.assistance;

import cn.jiuji.identity.IdentitySetup;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * Who may see one case: the township it belongs to gets read access to this instance only, so a
 * township worker never sees another township's families. County groups read all cases through
 * their process-definition permissions (see IdentitySetup).
 */
@Component
public class CaseAccess {

  private final AuthorizationService authorizations;

  CaseAccess(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  public void grantTownship(String processInstanceId, String townshipGroup) {
    IdentitySetup.grant(authorizations, townshipGroup, Resources.PROCESS_INSTANCE, processInstanceId,
        Permissions.READ);
  }
}
