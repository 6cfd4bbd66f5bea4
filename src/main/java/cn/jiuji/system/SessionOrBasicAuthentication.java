package cn.jiuji.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;

/**
 * The login of our own {@code /api}: HTTP Basic as before, and for reading ({@code GET}, {@code
 * HEAD}) also the session of the webapps' login, so that a Cockpit or Tasklist page (the case list,
 * the printable approval form) reads {@code /api} as the user logged in there. Requests that change
 * something still need Basic credentials: a session cookie, which the browser sends along by
 * itself, never authorizes a write (no cross-site request can use it).
 */
public class SessionOrBasicAuthentication implements AuthenticationProvider {

  private final HttpBasicAuthenticationProvider basic = new HttpBasicAuthenticationProvider();

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    if (request.getHeader("Authorization") == null && reads(request)) {
      var session = request.getSession(false);
      var user = session == null ? null
          : AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engine.getName());
      if (user != null && user.getIdentityId() != null) {
        // groups and tenants are read afresh by the filter, as for Basic
        return AuthenticationResult.successful(user.getIdentityId());
      }
    }
    return basic.extractAuthenticatedUser(request, engine);
  }

  private static boolean reads(HttpServletRequest request) {
    return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    basic.augmentResponseByAuthenticationChallenge(response, engine);
  }
}
