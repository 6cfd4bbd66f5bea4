package cn.jiuji;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * 救急难：一事一议大额临时救助. The models in {@code processes/} are deployed at start-up by
 * {@code system.ModelDeployment}, only those that changed.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class JiujiApplication {

  public static void main(String[] args) {
    SpringApplication.run(JiujiApplication.class, args);
  }
}
