package cn.jiuji.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/** An HTTP client against the started application, as a browser or a REST client would use it. */
public final class WebClient {

  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;

  public WebClient(int port) {
    this.base = "http://localhost:" + port;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  public HttpResponse<String> get(String path, String user, String password) {
    return send(request(path, user, password).GET().build());
  }

  public HttpResponse<String> postJson(String path, String json, String user, String password) {
    return send(request(path, user, password)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build());
  }

  public HttpResponse<String> putJson(String path, String json, String user, String password) {
    return send(request(path, user, password)
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json))
        .build());
  }

  public HttpResponse<String> delete(String path, String user, String password) {
    return send(request(path, user, password).DELETE().build());
  }

  /** A multipart/form-data POST of text fields and one file, as an HTML form or curl -F sends it. */
  public HttpResponse<String> postMultipart(String path, Map<String, String> fields, String fileField,
      String fileName, byte[] content, String user, String password) {
    String boundary = "----jiuji" + UUID.randomUUID().toString().replace("-", "");
    var body = new ByteArrayOutputStream();
    fields.forEach((name, value) -> write(body, "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n"));
    write(body, "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n");
    body.writeBytes(content);
    write(body, "\r\n--" + boundary + "--\r\n");
    return send(request(path, user, password)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
        .build());
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Posts one file as {@code multipart/form-data}, as a browser's file upload does.
   *
   * @param part the name of the form field, e.g. {@code file}
   */
  public HttpResponse<String> postMultipart(String path, String part, String fileName, byte[] content,
      String user, String password) {
    String boundary = "----jiuji" + System.nanoTime();
    byte[] head = ("--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"" + part + "\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(content, 0, body, head.length, content.length);
    System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
    return send(request(path, user, password)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build());
  }

  /**
   * Logs in to a Camunda webapp as its login page does: fetch a page for the session and the
   * CSRF token, then post the credentials. 200 lets the user in, 403 refuses the application.
   */
  public int webappLogin(String app, String user, String password) {
    HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/default/")).GET().build());
    String token = page.headers().firstValue("X-XSRF-TOKEN").orElse("");
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> login = send(HttpRequest.newBuilder(
            URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build());
    return login.statusCode();
  }

  /**
   * A JSON request of a logged-in webapp (see {@link #webappLogin}) to the webapps' REST API, as
   * Tasklist sends it: session cookie, CSRF token from the XSRF-TOKEN cookie, same-origin Referer.
   */
  public HttpResponse<String> webappJson(String method, String path, String json) {
    // a read hands out the CSRF token of the (new) session, as Tasklist's first requests do
    send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default")).GET().build());
    String token = cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
        .map(java.net.HttpCookie::getValue).findFirst().orElse("");
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .header("X-XSRF-TOKEN", token)
        .header("Referer", base + "/camunda/app/tasklist/default/")
        .method(method, HttpRequest.BodyPublishers.ofString(json))
        .build());
  }

  /** A read of a logged-in webapp (see {@link #webappLogin}) from the webapps' REST API. */
  public HttpResponse<String> webappGet(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
  }

  private HttpRequest.Builder request(String path, String user, String password) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
    if (user != null) {
      String basic = Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      builder.header("Authorization", "Basic " + basic);
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
