package cn.jiuji.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;

/**
 * Who sends a request to Camunda's REST API, with the groups the engine checks their
 * authorizations by.
 *
 * @param administrator Camunda's own notion: a member of an admin group (camunda-admin) or an
 *     admin user
 */
record RequestUser(String id, List<String> groups, boolean administrator) {

  /**
   * The REST API's login has told the engine who the user is. The webapps' login runs after our
   * filters (the webapps register theirs after all of the application's), so there the session
   * names the user, whose groups are read afresh. Null when nobody is logged in.
   */
  static RequestUser of(HttpServletRequest request, RestRoute route, ProcessEngineConfigurationImpl engine,
      EngineLookups lookups) {
    Authentication current = engine.getIdentityService().getCurrentAuthentication();
    if (current != null) {
      return of(current.getUserId(), current.getGroupIds() == null ? List.of() : current.getGroupIds(), engine);
    }
    String id = route.webapp() ? webappUser(request, engine) : null;
    return id == null ? null : of(id, lookups.unchecked(() -> engine.getIdentityService().createGroupQuery()
        .groupMember(id).list()).stream().map(Group::getId).toList(), engine);
  }

  private static RequestUser of(String id, List<String> groups, ProcessEngineConfigurationImpl engine) {
    boolean administrator = engine.getAdminUsers() != null && engine.getAdminUsers().contains(id)
        || engine.getAdminGroups() != null && groups.stream().anyMatch(engine.getAdminGroups()::contains);
    return new RequestUser(id, groups, administrator);
  }

  private static String webappUser(HttpServletRequest request, ProcessEngineConfigurationImpl engine) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    var user = AuthenticationUtil.getAuthsFromSession(session)
        .getAuthenticationForProcessEngine(engine.getProcessEngineName());
    return user == null ? null : user.getIdentityId();
  }
}
