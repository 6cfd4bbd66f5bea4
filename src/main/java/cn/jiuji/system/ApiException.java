package cn.jiuji.system;

import org.springframework.http.HttpStatus;

/** A refusal of an {@code /api} request, with the Chinese message the user will read. */
public class ApiException extends RuntimeException {

  private final HttpStatus status;

  public ApiException(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  public static ApiException notFound(String message) {
    return new ApiException(HttpStatus.NOT_FOUND, message);
  }

  public static ApiException badRequest(String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, message);
  }

  public HttpStatus status() {
    return status;
  }
}
