package cn.jiuji.assistance;

import static cn.jiuji.assistance.CaseVariables.SIGNED_OFF_BY;

import cn.jiuji.base.RuleBreak;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

/**
 * SPEC §12, separation of duties: one person never signs off two steps of a case's chain (the
 * township's opinion, civil affairs' review, the leading group's approval). Which steps form the
 * chain is written in the model: each of them has {@code ${signOffChain.step(task)}} among its
 * complete listeners. Whoever completes such a step (the authenticated user, whatever API or
 * meeting completes it; otherwise its assignee) is recorded on the case in
 * {@code signedOffBy}; a person already recorded at another step of the case is refused, the
 * task stays open. A completion by the system itself, with no person, is not recorded.
 */
@Component("signOffChain")
public class SignOffChain {

  private final IdentityService identity;

  SignOffChain(IdentityService identity) {
    this.identity = identity;
  }

  public void step(DelegateTask task) {
    var authentication = identity.getCurrentAuthentication();
    String person = authentication != null ? authentication.getUserId() : task.getAssignee();
    if (person == null) {
      return;
    }
    var execution = task.getExecution();
    Map<String, String> signed = parse(SIGNED_OFF_BY.from(execution));
    String step = task.getTaskDefinitionKey();
    signed.forEach((earlier, by) -> {
      if (by.equals(person) && !earlier.equals(step)) {
        FlowElement element = execution.getBpmnModelInstance().getModelElementById(earlier);
        throw RuleBreak.forbidden("您已办理本案件的“" + (element == null ? earlier : element.getName())
            + "”，按规定不能再办理“" + task.getName() + "”，请由其他人员办理");
      }
    });
    signed.put(step, person);
    execution.getProcessInstance().setVariable(SIGNED_OFF_BY.name(), format(signed));
  }

  /** {@code preliminaryOpinion:sanban1,secondReview:civil1}: step and person, in the order signed. */
  static Map<String, String> parse(String recorded) {
    Map<String, String> signed = new LinkedHashMap<>();
    if (recorded != null && !recorded.isBlank()) {
      for (String entry : recorded.split(",")) {
        int colon = entry.indexOf(':');
        signed.put(entry.substring(0, colon), entry.substring(colon + 1));
      }
    }
    return signed;
  }

  private static String format(Map<String, String> signed) {
    var joined = new StringBuilder();
    signed.forEach((step, person) -> joined.append(joined.isEmpty() ? "" : ",").append(step).append(':').append(person));
    return joined.toString();
  }
}
