package cn.jiuji.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates, in every profile, the groups of SPEC §4 and the webapp access each one needs: staff
 * Tasklist, managers and designers Cockpit, administrators (camunda-admin) everything. In the
 * default profile also the demo users. Runs inside the engine's start, before anyone can log in;
 * every step is idempotent so that restarts and a second cluster node change nothing.
 */
@Component
@Order(1)
public class IdentitySetup extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySetup.class);
  static final String WORKFLOW = "WORKFLOW";
  static final String TASKLIST = "tasklist";
  static final String COCKPIT = "cockpit";
  static final String ANY = "*";
  static final String CASE_PROCESS = "temporaryAssistance";
  static final String ENROLLMENT_PROCESS = "subsistenceEnrollment";
  static final String REFERRAL_PROCESS = "partnerReferral";
  /** The departments a case may be referred to (SPEC §9), the townships besides. */
  static final List<String> PARTNER_GROUPS = List.of(Groups.CHARITY, Groups.DISABLED_FEDERATION, Groups.EDUCATION,
      Groups.HUMAN_RESOURCES, Groups.HOUSING, Groups.MEDICAL_INSURANCE);
  static final String PAYMENT_CORRECTION_PROCESS = "paymentCorrection";
  static final String MEETING_PROCESS = "approvalMeeting";

  private final CountyProperties county;
  private final DemoProperties demo;

  IdentitySetup(CountyProperties county, DemoProperties demo) {
    this.county = county;
    this.demo = demo;
  }

  /** County-level groups with their Chinese names and the webapps they use. */
  private static Map<String, GroupSpec> countyGroups() {
    Map<String, GroupSpec> groups = new LinkedHashMap<>();
    groups.put(Groups.CIVIL_AFFAIRS, new GroupSpec("县民政局救助股", List.of(TASKLIST)));
    groups.put(Groups.CIVIL_AFFAIRS_LEADERS, new GroupSpec("民政局领导", List.of(TASKLIST, COCKPIT)));
    groups.put(Groups.LEADING_GROUP, new GroupSpec("县社会救助领导小组", List.of(TASKLIST)));
    groups.put(Groups.MANAGERS, new GroupSpec("业务管理人员", List.of(COCKPIT)));
    groups.put(Groups.DESIGNERS, new GroupSpec("流程设计人员", List.of(COCKPIT)));
    groups.put(Groups.MEDICAL_INSURANCE, new GroupSpec("县医保分局", List.of(TASKLIST)));
    groups.put(Groups.DISABLED_FEDERATION, new GroupSpec("县残疾人联合会", List.of(TASKLIST)));
    groups.put(Groups.CHARITY, new GroupSpec("县慈善总会", List.of(TASKLIST)));
    groups.put(Groups.EDUCATION, new GroupSpec("县教育局", List.of(TASKLIST)));
    groups.put(Groups.HUMAN_RESOURCES, new GroupSpec("县人力资源和社会保障局", List.of(TASKLIST)));
    groups.put(Groups.HOUSING, new GroupSpec("县住房和城乡建设局", List.of(TASKLIST)));
    return groups;
  }

  private record GroupSpec(String name, List<String> applications) {}

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    AuthorizationService authorizations = engine.getAuthorizationService();
    countyGroups().forEach((id, spec) -> {
      ensureGroup(identity, id, spec.name());
      spec.applications().forEach(app -> grant(authorizations, id, Resources.APPLICATION, app,
          Permissions.ACCESS));
    });
    // County staff and the medical-insurance office may evaluate the policy decisions over REST
    // (SPEC §3.5: POST /engine-rest/decision-definition/key/{key}/evaluate). READ finds the
    // definition by key, CREATE_INSTANCE evaluates it. Townships get the figures through their
    // cases; the application's own evaluations run without authorization checks.
    for (String id : List.of(Groups.CIVIL_AFFAIRS, Groups.CIVIL_AFFAIRS_LEADERS, Groups.LEADING_GROUP,
        Groups.MEDICAL_INSURANCE)) {
      grant(authorizations, id, Resources.DECISION_DEFINITION, Authorization.ANY,
          Permissions.READ, Permissions.CREATE_INSTANCE);
    }
    for (CountyProperties.Township township : county.townships()) {
      String id = Groups.township(township.code());
      ensureGroup(identity, id, township.name() + "社会救助站");
      grant(authorizations, id, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
      // A township may report cases (the Tasklist start form). Nothing here lets it see one:
      // its cases are granted one by one when they start (CaseAccess), its tasks by Camunda
      // itself, which gives a task's candidate group READ and UPDATE on that task only.
      grant(authorizations, id, Resources.PROCESS_DEFINITION, CASE_PROCESS,
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
      grant(authorizations, id, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
      // fill in the enrollment applications of their own families (SPEC §3.3): the engine wants
      // the definition readable to load and complete their tasks; the case starts the enrollment
      grant(authorizations, id, Resources.PROCESS_DEFINITION, ENROLLMENT_PROCESS,
          ProcessDefinitionPermissions.READ);
      // and the township's own temporary assistance to the cases referred to it (SPEC §9)
      grant(authorizations, id, Resources.PROCESS_DEFINITION, REFERRAL_PROCESS,
          ProcessDefinitionPermissions.READ);
      // and correct the bank accounts of their families' failed payments (SPEC §8)
      grant(authorizations, id, Resources.PROCESS_DEFINITION, PAYMENT_CORRECTION_PROCESS,
          ProcessDefinitionPermissions.READ);
    }
    grantCountyWork(authorizations);
    if (demo.users()) {
      demo.accounts().forEach(account -> ensureDemoUser(identity, account));
    }
  }

  /**
   * SPEC §4 beyond the townships. Work (claim, complete) is never granted here: every group works
   * only the tasks it is a candidate group of, which Camunda authorizes task by task. What is
   * granted here is reading. Filters are not granted to anyone: only administrators create
   * Tasklist filters, because a stored filter query may contain expressions.
   */
  private static void grantCountyWork(AuthorizationService authorizations) {
    // county staff see every case, task and history of the county and may report cases
    for (String group : List.of(Groups.CIVIL_AFFAIRS, Groups.CIVIL_AFFAIRS_LEADERS)) {
      grant(authorizations, group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
          ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.CREATE_INSTANCE);
      grant(authorizations, group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    }
    // the leading group sees the case model; each case it approves is granted when the case
    // reaches it (CaseAccess.grantLeadingGroup)
    grant(authorizations, Groups.LEADING_GROUP, Resources.PROCESS_DEFINITION, CASE_PROCESS,
        ProcessDefinitionPermissions.READ);
    // and the meetings' model (SPEC §8), to load and complete its meetingDecision tasks; each
    // meeting is granted when it reaches the group, as a case is
    grant(authorizations, Groups.LEADING_GROUP, Resources.PROCESS_DEFINITION, MEETING_PROCESS,
        ProcessDefinitionPermissions.READ);
    // managers read everything in Cockpit and change nothing: no UPDATE, DELETE, CREATE anywhere
    grant(authorizations, Groups.MANAGERS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK);
    grant(authorizations, Groups.MANAGERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ,
        Permissions.READ_HISTORY);
    // Cockpit's 人工任务 page counts open tasks by group, which the engine allows only with READ on
    // every task; READ alone lets nobody claim, complete, comment on or hand over a task
    for (String group : List.of(Groups.MANAGERS, Groups.CIVIL_AFFAIRS_LEADERS)) {
      grant(authorizations, group, Resources.TASK, ANY, Permissions.READ);
    }
    grant(authorizations, Groups.MANAGERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grant(authorizations, Groups.MANAGERS, Resources.DEPLOYMENT, ANY, Permissions.READ);
    // designers deploy new versions of the models (and see them in Cockpit), but no case data
    grant(authorizations, Groups.DESIGNERS, Resources.DEPLOYMENT, ANY, Permissions.READ,
        Permissions.CREATE, Permissions.DELETE);
    grant(authorizations, Groups.DESIGNERS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
    grant(authorizations, Groups.DESIGNERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    grant(authorizations, Groups.DESIGNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    // partner departments (SPEC §9): Tasklist and the referral model, no case data. Each case
    // referred to a department is granted to its group when the referral reaches it
    // (CaseAccess.grantPartner), never the rest of the county. The medical-insurance import runs
    // the screening on the application's behalf, not with the importing user's rights.
    for (String group : PARTNER_GROUPS) {
      grant(authorizations, group, Resources.PROCESS_DEFINITION, REFERRAL_PROCESS, ProcessDefinitionPermissions.READ);
    }
  }

  private static void ensureGroup(IdentityService identity, String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() > 0) {
      return;
    }
    Group group = identity.newGroup(id);
    group.setName(name);
    group.setType(WORKFLOW);
    identity.saveGroup(group);
  }

  private void ensureDemoUser(IdentityService identity, DemoProperties.Account account) {
    if (account.group() == null) {
      return;
    }
    if (identity.createUserQuery().userId(account.id()).count() == 0) {
      var user = identity.newUser(account.id());
      user.setEmail(account.id() + "@jiuji.example");
      user.setPassword(demo.password());
      name(user, account.name());
      identity.saveUser(user);
      LOG.info("Demo user {} ({}) created", account.id(), account.name());
    }
    if (identity.createUserQuery().userId(account.id()).memberOfGroup(account.group()).count() == 0) {
      identity.createMembership(account.id(), account.group());
    }
  }

  /**
   * Gives the demo users their names as Chinese write them, also those created before (by an
   * earlier version, or the administrator by the starter, which it does after our setup).
   */
  @EventListener(ApplicationStartedEvent.class)
  void nameDemoUsers(ApplicationStartedEvent event) {
    if (!demo.users()) {
      return;
    }
    IdentityService identity = event.getApplicationContext().getBean(ProcessEngine.class).getIdentityService();
    for (DemoProperties.Account account : demo.accounts()) {
      User user = identity.createUserQuery().userId(account.id()).singleResult();
      if (user != null && !(user.getLastName() + "|" + user.getFirstName()).equals(account.name() + "|")) {
        name(user, account.name());
        identity.saveUser(user);
      }
    }
  }

  /**
   * Camunda's webapps show a user as first name, a space and last name, which would make 颜社工
   * read "社工 颜": the whole name is the last name, which Camunda sorts and searches by, and the
   * first name stays empty.
   */
  static void name(User user, String name) {
    user.setLastName(name);
    user.setFirstName("");
  }

  /** Grants a group a permission on one resource, unless it has it already. */
  public static void grant(AuthorizationService authorizations, String groupId, Resource resource,
      String resourceId, Permission... permissions) {
    // at most one grant per group and resource exists (a unique key); a page of one keeps the
    // query inside the engine's query result limit when a logged-in user's command runs it
    var existing = authorizations.createAuthorizationQuery()
        .groupIdIn(groupId)
        .resourceType(resource)
        .resourceId(resourceId)
        .authorizationType(AUTH_TYPE_GRANT)
        .listPage(0, 1);
    var authorization = existing.isEmpty()
        ? authorizations.createNewAuthorization(AUTH_TYPE_GRANT)
        : existing.get(0);
    boolean changed = existing.isEmpty();
    if (changed) {
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(authorization);
    }
  }
}
