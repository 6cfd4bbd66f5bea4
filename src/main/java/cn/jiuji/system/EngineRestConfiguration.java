package cn.jiuji.system;

import cn.jiuji.assistance.RuleBreak;
import jakarta.annotation.Priority;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * Camunda's REST API as the starter configures it, plus one answer: a case or form that breaks a
 * rule ({@link RuleBreak}) is the caller's mistake, so it is a 400 with the Chinese message, also
 * where the REST resource would have wrapped it into a 500 (starting a case with bad data).
 */
@Component
@ApplicationPath("/engine-rest")
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(RuleBreakResponses.class);
  }

  /** Takes precedence over Camunda's own mapper of the same type. */
  @Priority(1)
  public static class RuleBreakResponses implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
        if (cause instanceof RuleBreak ruleBreak) {
          ExceptionDto dto = new ExceptionDto();
          dto.setType(RuleBreak.class.getSimpleName());
          dto.setMessage(ruleBreak.getMessage());
          return Response.status(Response.Status.BAD_REQUEST)
              .type(MediaType.APPLICATION_JSON_TYPE).entity(dto).build();
        }
      }
      return camunda.toResponse(exception);
    }
  }
}
