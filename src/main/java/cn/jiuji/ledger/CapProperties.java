package cn.jiuji.ledger;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which money the family annual cap counts ({@code jiuji.policy.capped-sources}, SPEC §9): the
 * civil-affairs sources only. Partner departments' money is shown in the aid package and never
 * capped. A list in configuration, next to the cap itself, so that the bureau decides it.
 */
@ConfigurationProperties("jiuji.policy")
public record CapProperties(List<GrantSource> cappedSources) {

  public CapProperties {
    if (cappedSources == null || cappedSources.isEmpty()) {
      throw new IllegalStateException("缺少政策配置 jiuji.policy.capped-sources：请在 application.yaml 中列出计入家庭年度上限的资金来源");
    }
    cappedSources = List.copyOf(cappedSources);
  }

  public boolean capped(GrantSource source) {
    return cappedSources.contains(source);
  }
}
