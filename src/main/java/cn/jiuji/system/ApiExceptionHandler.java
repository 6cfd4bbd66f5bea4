package cn.jiuji.system;

import cn.jiuji.base.RuleBreak;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of {@code /api} into JSON with a Chinese message, in one place. A refusal
 * ({@link RuleBreak}, also wrapped by the engine) is the user's mistake: its kind's status, one
 * line in the log. Anything else is a fault of ours: a 500, logged at ERROR with its stack trace.
 */
@RestControllerAdvice
class ApiExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(RuleBreak.class)
  ResponseEntity<ApiError> refused(RuleBreak e, HttpServletRequest request) {
    return refusal(e, request);
  }

  static HttpStatus status(RuleBreak.Kind kind) {
    return switch (kind) {
      case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case FORBIDDEN -> HttpStatus.FORBIDDEN;
      case CONFLICT -> HttpStatus.CONFLICT;
      case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
      case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
    };
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<ApiError> forbidden(AuthorizationException e, HttpServletRequest request) {
    LOG.info("Refused {} {} for lack of authorization: {}", request.getMethod(), request.getRequestURI(),
        oneLine(e.getMessage()));
    return error(HttpStatus.FORBIDDEN, "您没有权限进行此操作");
  }

  @ExceptionHandler({
    MissingServletRequestPartException.class,
    MissingServletRequestParameterException.class,
    HttpMediaTypeNotSupportedException.class
  })
  ResponseEntity<ApiError> badRequest(Exception e) {
    return error(HttpStatus.BAD_REQUEST, "请求格式不正确：缺少必需的参数或文件");
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
    return error(HttpStatus.PAYLOAD_TOO_LARGE, "上传的文件太大");
  }

  /** A body that is not multipart at all, or a broken one. */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ApiError> badMultipart(MultipartException e) {
    return error(HttpStatus.BAD_REQUEST, "请求格式不正确：请以 multipart/form-data 上传文件（字段名 file）");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
    return error(HttpStatus.METHOD_NOT_ALLOWED, "不支持此请求方法");
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ApiError> notFound(NoResourceFoundException e) {
    return error(HttpStatus.NOT_FOUND, "请求的地址不存在");
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest request) {
    var ruleBreak = RuleBreak.in(e);
    if (ruleBreak.isPresent()) {
      return refusal(ruleBreak.get(), request);
    }
    LOG.error("Unexpected failure of {} {}", request.getMethod(), request.getRequestURI(), e);
    return error(HttpStatus.INTERNAL_SERVER_ERROR, "系统内部错误，请求未能完成，请联系管理员");
  }

  private static ResponseEntity<ApiError> refusal(RuleBreak e, HttpServletRequest request) {
    HttpStatus status = status(e.kind());
    LOG.info("Refused {} {} ({}): {}", request.getMethod(), request.getRequestURI(), status.value(),
        oneLine(e.getMessage()));
    return error(status, e.getMessage());
  }

  static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }

  private static ResponseEntity<ApiError> error(HttpStatus status, String message) {
    return ResponseEntity.status(status).body(new ApiError(status.value(), message));
  }
}
