package cn.jiuji.identity;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo data of the default profile (configuration {@code jiuji.demo}): the users of SPEC §4 and
 * whether demo cases are started. Off in production.
 */
@ConfigurationProperties("jiuji.demo")
public record DemoProperties(boolean users, boolean cases, String password, List<Account> accounts) {

  public DemoProperties {
    accounts = accounts == null ? List.of() : List.copyOf(accounts);
  }

  public record Account(String id, String firstName, String lastName, String group) {}
}
