package cn.jiuji;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Process test coverage: every class named {@code *ProcessTest} must cover all flow nodes and
 * sequence flows of the models it runs (minimum from the build: {@code coverage.minimum}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestCoverageConfiguration {

  @Bean
  ProcessEngineCoverageProperties processEngineCoverageProperties() {
    double minimum = Double.parseDouble(System.getProperty("coverage.minimum", "1.0"));
    return ProcessEngineCoverageProperties.Companion.builder()
        .addInclusionPatternForTestClasses(".*ProcessTest")
        .assertClassCoverageAtLeast(minimum)
        .build();
  }
}
