package cn.jiuji.assistance;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A case or a form that breaks a rule of SPEC §3.1, with the Chinese message for the worker.
 * It is a form validation failure to Camunda, so the REST API and Tasklist answer 400 with the
 * message, the transaction rolls back and the task stays open.
 */
public class RuleBreak extends FormFieldValidationException {

  public RuleBreak(String message) {
    super(null, message);
  }
}
