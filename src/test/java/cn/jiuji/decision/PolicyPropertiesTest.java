package cn.jiuji.decision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ApplicationTest
class PolicyPropertiesTest {

  @Autowired PolicyProperties policy;

  @Test
  void theConfiguredFiguresAreThoseOfSpecSection2() {
    assertThat(policy.relaxationDate()).isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(policy.topUpMax()).isEqualTo(10000L);
    assertThat(policy.annualCap()).isEqualTo(40000L);
    assertThat(policy.townshipAdvanceLimit()).isEqualTo(5000L);
  }

  @Test
  void theCountyKeepsOneTimeZone(@Autowired cn.jiuji.base.CountyClock clock,
      @Autowired com.fasterxml.jackson.databind.ObjectMapper json) {
    assertThat(clock.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    // dates in our JSON answers are the county's too
    assertThat(json.getSerializationConfig().getTimeZone().getID()).isEqualTo("Asia/Shanghai");
  }

  @Test
  void aFigureMissingFromConfigurationStopsTheStartAndIsNamed() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PolicyProperties(
            LocalDate.of(2024, 1, 1), null, 40000L, 5000L, 200000L))
        .hasMessageContaining("jiuji.policy.top-up-max");
  }
}
