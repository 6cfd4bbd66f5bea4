package cn.jiuji.system;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiuji.JiujiApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

class ProductionSettingsCheckTest {

  @Test
  void postgresProfileRefusesToStartWithoutAnAdministratorPassword() {
    var app = new SpringApplicationBuilder(JiujiApplication.class)
        .profiles("postgres")
        .properties("camunda.bpm.admin-user.password=", "server.port=0");
    assertThatThrownBy(app::run)
        .hasMessageContaining("JIUJI_ADMIN_PASSWORD");
  }
}
