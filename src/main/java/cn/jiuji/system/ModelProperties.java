package cn.jiuji.system;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a deployed model may call ({@code jiuji.models}, SPEC §12; checked by {@link DeploymentGuard}).
 *
 * @param beans the names of the application's beans that models call, e.g. {@code caseRules};
 *     a model naming any other bean, or calling a method on anything else, is refused
 */
@ConfigurationProperties("jiuji.models")
public record ModelProperties(@DefaultValue List<String> beans) {}
