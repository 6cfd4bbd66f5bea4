package cn.jiuji.system;

import cn.jiuji.base.RuleBreak;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of Camunda's REST API (our {@code /engine-rest} and the webapps' {@code /camunda/api/engine},
 * through which Tasklist and Cockpit work), fail-closed: a user other than an administrator may send
 * only what {@link RestAllowList} lists, and a request that writes process variables ({@link VariableWrite})
 * may name only the variables of its task's or start event's Camunda Form ({@link FormPolicy}): a worker
 * cannot, with a task of theirs, overwrite the township, the approved amount or the case number that
 * earlier steps or the system recorded. The parts: {@link RestRoute} (which endpoint), {@link RequestUser}
 * (who), the list and the form policy (may they), {@link CheckedBody} (the body passed on).
 *
 * <p>Why a filter and not a check inside the engine: only here are the variables the user sent told
 * apart from those the application's own code sets in the same command, the answer comes before
 * anything runs, and the body passed on is the one that was checked (parsed and written anew, so no
 * second JSON reader can see something else in it). A refusal is a {@link RuleBreak}, answered as
 * Camunda's REST API answers one ({@link EngineRestConfiguration}), with the Chinese message.
 */
final class FormVariablesFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(FormVariablesFilter.class);
  /** 1 MiB: see {@link #body}. */
  private static final int MAX_BODY = 1 << 20;
  static final String ADMINISTRATORS_ONLY = "此接口仅限系统管理员使用";

  private final RestRoute.Roots roots;
  /** Its services exist once the engine is built, after the servlet filters are created. */
  private final ProcessEngineConfigurationImpl engine;
  private final EngineLookups lookups;
  private final FormPolicy forms;
  private final ObjectMapper json = JsonMapper.builder()
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  FormVariablesFilter(RestRoute.Roots roots, ProcessEngineConfigurationImpl engine, RestStartProperties starts) {
    this.roots = roots;
    this.engine = engine;
    this.lookups = new EngineLookups(engine, json);
    this.forms = new FormPolicy(lookups, starts, json);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    RestRoute route = roots.of(request).orElse(null);
    if (route != null) {
      try {
        RouteRules.checkPaging(request);
      } catch (RuleBreak refused) {
        write(response, EngineRestConfiguration.status(refused.kind()), RuleBreak.class.getSimpleName(), refused.getMessage());
        return;
      }
    }
    if (route == null || route.isRead() && !RouteRules.countsTheCounty(route)) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body;
    RequestUser user = null;
    try {
      user = RequestUser.of(request, route, engine, lookups);
      if (user == null) {
        // the login in front answers this; here only for safety, and without a word about the task
        write(response, HttpServletResponse.SC_UNAUTHORIZED, "AuthenticationException", "请先登录");
        return;
      }
      body = user.administrator() ? null : check(route, request, user); // administrators' requests pass as they came
    } catch (RuleBreak refused) {
      LOG.info("Refused {} {} for {}: {}", request.getMethod(), request.getRequestURI(),
          user == null ? "?" : user.id(), ApiExceptionHandler.oneLine(refused.getMessage()));
      write(response, EngineRestConfiguration.status(refused.kind()), RuleBreak.class.getSimpleName(),
          refused.getMessage());
      return;
    }
    chain.doFilter(body == null ? request : new CheckedBody(request, body), response);
  }

  /** The body to pass on, null for the one sent; or a refusal. */
  private byte[] check(RestRoute route, HttpServletRequest request, RequestUser user) throws IOException {
    RouteRules.check(route, user, lookups);
    if (route.isRead()) {
      return null;
    }
    var write = VariableWrite.of(route.method(), route.segments()).orElse(null);
    if (!RestAllowList.allows(route)) {
      // a variable write not on the list says why it is refused, any other endpoint that it is not for them
      throw RuleBreak.forbidden(write instanceof VariableWrite.AdministratorsOnly only ? only.message()
          : write instanceof VariableWrite.Unformed ? FormPolicy.UNFORMED : ADMINISTRATORS_ONLY);
    }
    boolean json = request.getContentType() != null && request.getContentType().toLowerCase(java.util.Locale.ROOT)
        .startsWith("application/json");
    if (write == null || !FormPolicy.readsBody(write)) {
      if (!json) {
        return write == null ? null : forms.check(write, null, user);
      }
      // a JSON body of null reaches Camunda's resources as no object at all, which they answer with a 500
      byte[] sent = body(request);
      if (new String(sent, java.nio.charset.StandardCharsets.UTF_8).strip().equals("null")) {
        throw RuleBreak.badRequest("请求内容应为 JSON 对象，不能为 null");
      }
      return write == null ? sent : bodyOrNone(forms.check(write, null, user), sent);
    }
    return forms.check(write, body(request), user);
  }

  /** What a check without the body passes on: the body as it was sent. */
  private static byte[] bodyOrNone(byte[] checked, byte[] sent) {
    return checked != null ? checked : sent;
  }

  /**
   * The request's body, read into memory to be checked: at most {@value #MAX_BODY} bytes (a form's
   * answers take a few kilobytes), so that no request can fill the heap.
   */
  private static byte[] body(HttpServletRequest request) throws IOException {
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      throw RuleBreak.tooLarge("提交的内容过大（超过 1 MB），表单数据不会有这么多，请检查后重新提交");
    }
    return body;
  }

  /** Camunda's REST API's error body, {@code {type, message}}, which Tasklist shows the message of. */
  private void write(HttpServletResponse response, int status, String type, String message) throws IOException {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.getOutputStream().write(json.writeValueAsBytes(body));
  }
}
