package cn.jiuji.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RestAllowListTest {

  static boolean allows(String method, String path) {
    return RestAllowList.allows(new RestRoute(method, Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList(),
        false));
  }

  @Test
  void tasklistsWorkIsListed() {
    assertThat(allows("POST", "task/t1/claim")).isTrue();
    assertThat(allows("POST", "task/t1/submit-form")).isTrue();
    assertThat(allows("POST", "process-definition/pd1/submit-form")).isTrue();
    assertThat(allows("POST", "filter/f1/list")).isTrue();
    assertThat(allows("POST", "TASK/t1/Complete")).as("whatever the case").isTrue();
  }

  @Test
  void readsPassAndTheEngineDecidesWhatTheyShow() {
    assertThat(allows("GET", "job")).isTrue();
    assertThat(allows("HEAD", "process-instance/p1/variables")).isTrue();
  }

  @Test
  void whatIsNotListedIsRefused() {
    assertThat(allows("POST", "message")).isFalse();
    assertThat(allows("PUT", "process-instance/p1/suspended")).isFalse();
    assertThat(allows("DELETE", "process-instance/p1")).isFalse();
    assertThat(allows("POST", "history/process-instance/delete")).as("a query's root is no prefix").isFalse();
    assertThat(allows("POST", "task/t1/claim/more")).isFalse();
    assertThat(allows("PUT", "task/t1/claim")).as("another method").isFalse();
    assertThat(allows("POST", "task/t1/complete-with-variables")).as("an endpoint of a later Camunda").isFalse();
  }
}
