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
 * class starts on an empty county ({@link TestData}), each test at a pinned moment
 * ({@link TestClock}) and ends with no user signed in ({@link SignedOut}), so that no test
 * depends on the day it runs, on another test's data or on whom another test acted as.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ProcessEngineCoverageConfiguration.class, TestCoverageConfiguration.class})
@ExtendWith({TestClock.class, SignedOut.class})
public @interface ApplicationTest {}
