package cn.jiuji.decision;

import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Policy configuration that the DMN tables read ({@code jiuji.policy}).
 *
 * @param relaxationDate the day the relaxed thresholds and ratios took effect; the decisions see
 *     it as the FEEL function {@code relaxationDate()}
 */
@ConfigurationProperties("jiuji.policy")
public record PolicyProperties(@DefaultValue("2024-01-01") LocalDate relaxationDate) {}
