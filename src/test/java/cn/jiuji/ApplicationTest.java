package cn.jiuji;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The one Spring context every test shares: the whole application on a random port, on H2 or,
 * with {@code -Ppostgres}, on the local PostgreSQL. One context means one process engine. Each
 * class starts on an empty county ({@link TestData}) and each test at a pinned moment
 * ({@link TestClock}), so that no test depends on the day it runs or on another test's data.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ProcessEngineCoverageConfiguration.class, TestCoverageConfiguration.class})
@ExtendWith(TestClock.class)
public @interface ApplicationTest {}
