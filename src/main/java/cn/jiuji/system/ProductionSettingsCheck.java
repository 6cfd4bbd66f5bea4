package cn.jiuji.system;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start the production profile without an administrator password from the
 * environment, before anything touches the database. There is no default password to fall back
 * to.
 */
public class ProductionSettingsCheck implements EnvironmentPostProcessor {

  static final String ADMIN_PASSWORD = "camunda.bpm.admin-user.password";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.acceptsProfiles(Profiles.of("postgres"))) {
      return;
    }
    String password = environment.getProperty(ADMIN_PASSWORD, "");
    if (password.isBlank()) {
      throw new IllegalStateException(
          "postgres 配置下必须用环境变量 JIUJI_ADMIN_PASSWORD 设置管理员密码，否则不能启动"
              + " (the postgres profile needs JIUJI_ADMIN_PASSWORD)");
    }
  }
}
