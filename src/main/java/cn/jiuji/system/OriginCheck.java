package cn.jiuji.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The CSRF origin check (SPEC §12): a request that changes something and comes from a browser
 * page (it carries {@code Origin}, or else {@code Referer}) must come from the application's own
 * address: {@code JIUJI_PUBLIC_ORIGIN} when it is set, otherwise the address the request itself
 * was sent to (scheme, host and port, as the load balancer's forwarded headers give them). Camunda's
 * own CSRF filter compares the origin only when its target origin is set, and then for the webapps
 * only; this check holds in front of every part (webapps, /engine-rest, /api) with or without it.
 * Clients that are no browser send neither header and are not affected.
 */
final class OriginCheck extends OncePerRequestFilter {

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

  private final String publicOrigin;

  OriginCheck(String publicOrigin) {
    this.publicOrigin = publicOrigin == null || publicOrigin.isBlank() ? null : normalized(publicOrigin);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String source = request.getHeader("Origin");
    if (source == null) {
      source = request.getHeader("Referer");
    }
    if (READS.contains(request.getMethod().toUpperCase(Locale.ROOT)) || source == null) {
      chain.doFilter(request, response);
      return;
    }
    String expected = publicOrigin != null ? publicOrigin
        : normalized(request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort());
    if (expected.equals(normalized(source))) {
      chain.doFilter(request, response);
      return;
    }
    logger.info("Refused " + request.getMethod() + " " + request.getRequestURI() + " from foreign origin " + source);
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("application/json;charset=UTF-8");
    response.getOutputStream().write(("{\"type\":\"Forbidden\",\"message\":\"请求来自其他网站，已拒绝："
        + "只能在本系统自己的页面上提交\"}").getBytes(StandardCharsets.UTF_8));
  }

  /** {@code scheme://host:port} in lower case with the port written out; "invalid" for what is none. */
  static String normalized(String address) {
    try {
      URI uri = URI.create(address.trim());
      if (uri.getScheme() == null || uri.getHost() == null) {
        return "invalid";
      }
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
      return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    } catch (IllegalArgumentException e) {
      return "invalid";
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Registration {
    @Bean
    FilterRegistrationBean<OriginCheck> originCheck(@Value("${jiuji.public-origin:}") String publicOrigin) {
      var registration = new FilterRegistrationBean<>(new OriginCheck(publicOrigin));
      registration.setName("originCheck");
      registration.addUrlPatterns("/*");
      // before any login: a forged request is refused before it is authenticated
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
      registration.setAsyncSupported(true);
      return registration;
    }
  }
}
