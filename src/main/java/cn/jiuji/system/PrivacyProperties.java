package cn.jiuji.system;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who sees a citizen's full ID number in Camunda's REST API and the webapps ({@code jiuji.privacy},
 * SPEC §12).
 *
 * @param maskedVariables process variables holding an ID number: shown masked to everyone else
 * @param fullNumberGroups the groups whose work needs the full number; an entry ending in {@code *}
 *     names every group starting so ({@code township*}: each township's staff, who see only their
 *     own township's cases anyway). Administrators always see it. Every full read is recorded.
 * @param bankAccountVariables process variables holding a bank account number: shown to everyone
 *     with its last four digits only (SPEC §8); the whole number leaves only in the payment list
 */
@ConfigurationProperties("jiuji.privacy")
public record PrivacyProperties(
    @DefaultValue("idNumber") List<String> maskedVariables,
    @DefaultValue({"civilAffairs", "township*"}) List<String> fullNumberGroups,
    @DefaultValue("bankAccount") List<String> bankAccountVariables) {

  boolean seesFullNumbers(List<String> groups) {
    return groups.stream().anyMatch(group -> fullNumberGroups.stream().anyMatch(allowed ->
        allowed.endsWith("*") ? group.startsWith(allowed.substring(0, allowed.length() - 1)) : group.equals(allowed)));
  }
}
