package cn.jiuji.identity;

import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The county this deployment serves and its townships (configuration {@code jiuji.county}). */
@ConfigurationProperties("jiuji.county")
public record CountyProperties(String name, List<Township> townships) {

  public CountyProperties {
    townships = townships == null ? List.of() : List.copyOf(townships);
  }

  public record Township(String code, String name) {}

  public Optional<Township> byCode(String code) {
    return townships.stream().filter(t -> t.code().equals(code)).findFirst();
  }

  public Optional<Township> byName(String name) {
    return townships.stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
