package cn.jiuji.system;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a process may be started with over REST ({@code jiuji.rest}) beyond its start form's fields.
 *
 * @param startVariables per process key, the start variables the contract names for REST clients
 *     (SPEC §3.1 for temporaryAssistance: township and source, which the Tasklist start form takes
 *     from the worker's group); the process's own checks (RegisterCase) still judge their values
 */
@ConfigurationProperties("jiuji.rest")
public record RestStartProperties(@DefaultValue Map<String, List<String>> startVariables) {

  List<String> startVariables(String processKey) {
    return startVariables.getOrDefault(processKey, List.of());
  }
}
