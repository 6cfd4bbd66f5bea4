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
    assertThat(policy.topUpMax()).isEqualTo(10000);
    assertThat(policy.annualCap()).isEqualTo(40000);
    assertThat(policy.townshipAdvanceLimit()).isEqualTo(5000);
    assertThat(policy.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
  }
}
