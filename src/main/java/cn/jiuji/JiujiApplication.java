package cn.jiuji;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * 救急难：一事一议大额临时救助. The models in {@code processes/} are deployed through the process
 * application (see {@code META-INF/processes.xml}) so that only changed models get a new version.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableProcessApplication("jiuji")
public class JiujiApplication {

  public static void main(String[] args) {
    SpringApplication.run(JiujiApplication.class, args);
  }
}
