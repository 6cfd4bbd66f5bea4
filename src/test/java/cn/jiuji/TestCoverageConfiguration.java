package cn.jiuji;

import java.util.List;
import java.util.Map;
import org.assertj.core.api.Condition;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Process test coverage: every {@code <Key>ProcessTest} class must cover all flow nodes and
 * sequence flows of its model {@code processes/<key>.bpmn} (minimum from the build:
 * {@code coverage.minimum}, 1.0), see {@link ProcessCoverageScope}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestCoverageConfiguration {

  /** Primary: the library declares a default beside it, and would otherwise fall back to it. */
  @Bean
  @Primary
  ProcessEngineCoverageProperties processEngineCoverageProperties() {
    double minimum = Double.parseDouble(System.getProperty("coverage.minimum", "1.0"));
    Condition<Double> ownModelCovered = new Condition<>(
        coverage -> !ProcessCoverageScope.currentClassOwnsAModel() || coverage >= minimum,
        "coverage of its own model (processes/%s.bpmn) at least %s",
        "<key>", minimum);
    return new ProcessEngineCoverageProperties(
        true, false, ProcessCoverageScope.notOwned(), List.of(ownModelCovered), Map.of(), List.of(),
        "target/process-test-coverage");
  }
}
