package cn.jiuji.system;

import cn.jiuji.base.RuleBreak;
import jakarta.annotation.Priority;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Camunda's REST API as the starter configures it, plus the one answer to a refusal: a
 * {@link RuleBreak}, thrown by the engine as it is or wrapped by a REST resource (which would
 * make it a 500 with an English prefix), is the status of its kind with Camunda's error body
 * {@code {type, message}} and the bare Chinese message, logged in one line. Every other failure
 * keeps Camunda's own answer: 4xx for what Camunda counts as the caller's mistake, otherwise a
 * 500, which Camunda logs with its stack trace.
 */
@Component
@ApplicationPath("/engine-rest")
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  private static final Logger LOG = LoggerFactory.getLogger(EngineRestConfiguration.class);

  @Override
  protected void registerAdditionalResources() {
    register(RestRefusals.class);
    register(EngineRefusals.class);
    register(JsonLimits.class);
  }

  static int status(RuleBreak.Kind kind) {
    return switch (kind) {
      case BAD_REQUEST -> 400;
      case NOT_FOUND -> 404;
      case FORBIDDEN -> 403;
      case CONFLICT -> 409;
      case UNPROCESSABLE -> 422;
      case TOO_LARGE -> 413;
    };
  }

  static Optional<Response> refusal(Throwable failure, Request request, UriInfo uri) {
    return RuleBreak.in(failure).or(() -> userFault(failure)).map(ruleBreak -> {
      int status = status(ruleBreak.kind());
      LOG.info("Refused {} /{} ({}): {}", request == null ? "" : request.getMethod(),
          uri == null ? "" : uri.getPath(), status, ApiExceptionHandler.oneLine(ruleBreak.getMessage()));
      ExceptionDto dto = new ExceptionDto();
      dto.setType(RuleBreak.class.getSimpleName());
      dto.setMessage(ruleBreak.getMessage());
      return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(dto).build();
    });
  }

  /**
   * Failures that the request caused, not the system, which Camunda answers with a 500: a task
   * completed by two at once (the second loses the optimistic lock), a task that is not there, and a value the database
   * cannot hold (SQLSTATE class 22: a text over 4,000 characters, a number or date out of range).
   */
  static Optional<RuleBreak> userFault(Throwable failure) {
    for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
      if (cause instanceof org.camunda.bpm.engine.OptimisticLockingException) {
        return Optional.of(RuleBreak.conflict("该任务或案件刚刚已被他人处理，请刷新后再试"));
      }
      // a task that no longer exists (done by someone else a moment ago, or never there): the engine
      // throws a null check for it, which Camunda answers as its own fault with a 500
      if ((cause instanceof org.camunda.bpm.engine.exception.NullValueException
          || cause instanceof org.camunda.bpm.engine.BadUserRequestException)
          && cause.getMessage() != null && cause.getMessage().contains("Cannot find task with id")) {
        return Optional.of(RuleBreak.notFound("该任务不存在，或已办结；请刷新任务列表"));
      }
      // something asked for by an id that names nothing (a case, an execution, a definition)
      if (cause instanceof org.camunda.bpm.engine.exception.NullValueException && cause.getMessage() != null
          && cause.getMessage().contains("doesn't exist")) {
        return Optional.of(RuleBreak.notFound("未找到所请求的案件或记录，或它已办结"));
      }
      // a model file that is no XML or JSON at all (a BPMN, DMN or form that does not parse)
      if (cause instanceof ProcessEngineException engine && cause.getMessage() != null
          && (cause.getMessage().startsWith("ENGINE-09003") || cause.getMessage().startsWith("ENGINE-09033"))) {
        return Optional.of(RuleBreak.badRequest("模型文件无法读取（不是有效的 BPMN、DMN 或表单文件），请在 Camunda Modeler 中打开检查后重新部署："
            + cause.getMessage()));
      }
      if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
        return Optional.of(RuleBreak.badRequest("提交的数据过长或超出允许的范围（文字最多 4000 个字符），未能保存"));
      }
    }
    return Optional.empty();
  }

  /** Takes precedence over Camunda's own mapper of the same type. */
  @Priority(1)
  public static class RestRefusals implements ExceptionMapper<RestException> {
    private final RestExceptionHandler camunda = new RestExceptionHandler();
    @Context Request request;
    @Context UriInfo uri;

    @Override
    public Response toResponse(RestException exception) {
      return refusal(exception, request, uri).orElseGet(() -> camunda.toResponse(exception));
    }
  }

  /**
   * A JSON body beyond Jackson's limits (nesting over 1,000 levels, a number or text too long to
   * read): the request's fault, which Camunda's catch-all would answer with a 500.
   */
  @Priority(1)
  public static class JsonLimits implements ExceptionMapper<com.fasterxml.jackson.core.exc.StreamConstraintsException> {
    @Context Request request;
    @Context UriInfo uri;

    @Override
    public Response toResponse(com.fasterxml.jackson.core.exc.StreamConstraintsException exception) {
      return refusal(RuleBreak.badRequest("请求内容嵌套过深或数值过长，无法读取"), request, uri).orElseThrow();
    }
  }

  /** Takes precedence over Camunda's own mapper of the same type. */
  @Priority(1)
  public static class EngineRefusals implements ExceptionMapper<ProcessEngineException> {
    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();
    @Context Request request;
    @Context UriInfo uri;

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return refusal(exception, request, uri).orElseGet(() -> camunda.toResponse(exception));
    }
  }
}
