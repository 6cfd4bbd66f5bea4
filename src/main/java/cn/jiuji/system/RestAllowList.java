package cn.jiuji.system;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a user other than an administrator may send to Camunda's REST API besides reads: this list,
 * nothing else (fail-closed). It holds what Tasklist, Cockpit and our REST clients call (collected
 * from the webapps at work and from the tests), each with the same rule under both REST roots.
 * Being on the list is not a permission: the engine's authorizations still decide, and what writes
 * variables is checked against its form ({@link FormPolicy}). An endpoint not on the list, a new
 * one of a later Camunda version included, is refused with a Chinese message; administrators are
 * not held to the list.
 *
 * <p>Reads ({@code GET}, {@code HEAD}, {@code OPTIONS}) are not listed: they change nothing, and the
 * engine's authorization checks, which are on, decide what each user sees (see
 * TownshipIsolationTest). Queries sent as {@code POST} are listed one by one.
 */
final class RestAllowList {

  /** One endpoint: a method and the path after the REST root, {@code *} for any one segment. */
  record Endpoint(String method, List<String> pattern) {

    static Endpoint of(String spec) {
      String[] parts = spec.split(" ", 2);
      return new Endpoint(parts[0], Arrays.stream(parts[1].split("/")).toList());
    }

    boolean matches(RestRoute route) {
      if (!method.equals(route.method()) || pattern.size() != route.segments().size()) {
        return false;
      }
      for (int i = 0; i < pattern.size(); i++) {
        if (!"*".equals(pattern.get(i)) && !pattern.get(i).toLowerCase(Locale.ROOT)
            .equals(route.segments().get(i).toLowerCase(Locale.ROOT))) {
          return false;
        }
      }
      return true;
    }
  }

  static final List<Endpoint> ENDPOINTS = List.of(
      // Tasklist: a task's work (completion and its variables checked against the task's form)
      "POST task/*/claim", "POST task/*/unclaim", "POST task/*/assignee", "POST task/*/delegate",
      "POST task/*/complete", "POST task/*/submit-form", "POST task/*/resolve",
      "POST task/*/variables", "PUT task/*/variables/*", "DELETE task/*/variables/*", "POST task/*/variables/*/data",
      "POST task/*/localVariables", "PUT task/*/localVariables/*", "DELETE task/*/localVariables/*",
      "POST task/*/localVariables/*/data",
      "POST task/*/identity-links", "POST task/*/identity-links/delete",
      "POST task/*/comment/create", "POST task/*/attachment/create", "DELETE task/*/attachment/*",
      "PUT task/*", "POST task/create",
      // Tasklist: starting a process (checked against the start form)
      "POST process-definition/*/start", "POST process-definition/*/submit-form",
      "POST process-definition/key/*/start", "POST process-definition/key/*/submit-form",
      "POST process-definition/key/*/tenant-id/*/start", "POST process-definition/key/*/tenant-id/*/submit-form",
      // Tasklist: filters
      "POST filter/*/list", "POST filter/*/count", "POST filter/*/singleResult",
      "POST filter/create", "PUT filter/*", "DELETE filter/*",
      // queries sent as POST (Tasklist, Cockpit, REST clients)
      "POST task", "POST task/count",
      "POST process-instance", "POST process-instance/count",
      "POST execution", "POST execution/count",
      "POST variable-instance", "POST variable-instance/count",
      "POST job", "POST job/count", "POST job-definition", "POST job-definition/count",
      "POST external-task", "POST external-task/count",
      "POST history/process-instance", "POST history/process-instance/count",
      "POST history/activity-instance", "POST history/activity-instance/count",
      "POST history/task", "POST history/task/count",
      "POST history/variable-instance", "POST history/variable-instance/count",
      "POST history/detail",
      // evaluating a decision writes nothing (DMN tables over REST, SPEC §3.5)
      "POST decision-definition/*/evaluate", "POST decision-definition/key/*/evaluate",
      "POST decision-definition/key/*/tenant-id/*/evaluate",
      // Cockpit: designers deploy and delete their models
      "POST deployment/create", "DELETE deployment/*", "POST deployment/*/redeploy",
      // every user: their own profile and password (Welcome)
      "PUT user/*/profile", "PUT user/*/credentials")
      .stream().map(Endpoint::of).toList();

  private RestAllowList() {}

  static boolean allows(RestRoute route) {
    return route.isRead() || ENDPOINTS.stream().anyMatch(endpoint -> endpoint.matches(route));
  }
}
