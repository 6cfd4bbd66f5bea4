package cn.jiuji.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A request to one of the two roots of Camunda's REST API: our {@code /engine-rest} (resources
 * of the default engine, and of any engine under {@code engine/{name}}) and the webapps' own copy
 * under {@code /camunda/api/engine} ({@code engine/{name}} only), through which Tasklist and
 * Cockpit work. Both serve the same resources, so a route is the request's method and the path
 * segments after the root and {@code engine/{name}}.
 *
 * @param webapp whether it came through the webapps' root (whose login lives in the session)
 */
record RestRoute(String method, List<String> segments, boolean webapp) {

  /** The two REST roots, e.g. {@code /engine-rest} and {@code /camunda/api/engine}. */
  record Roots(String engineRest, String webappRest) {

    Optional<RestRoute> of(HttpServletRequest request) {
      String full = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
      for (String root : List.of(engineRest, webappRest)) {
        if (!full.startsWith(root + "/")) {
          continue;
        }
        List<String> segments = new ArrayList<>(Arrays.stream(full.substring(root.length()).split("/"))
            .filter(segment -> !segment.isEmpty()).toList());
        if (segments.size() >= 2 && segments.get(0).equalsIgnoreCase("engine")) {
          // whatever the name: there is one engine, and an unknown name is the REST API's 404 later
          segments.subList(0, 2).clear();
        }
        return Optional.of(new RestRoute(request.getMethod().toUpperCase(Locale.ROOT), List.copyOf(segments),
            root.equals(webappRest)));
      }
      return Optional.empty();
    }
  }

  /** A read: it changes nothing, and the engine's authorization checks decide what it shows. */
  boolean isRead() {
    return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
  }

  String path() {
    return String.join("/", segments);
  }
}
