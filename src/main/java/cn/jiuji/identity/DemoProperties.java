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

  /**
   * A demo user: its id, its name as Chinese write it (family name first, no space: 颜社工) and its
   * group; without a group the user is someone else's (the administrator) and only named here.
   */
  public record Account(String id, String name, String group) {}
}
