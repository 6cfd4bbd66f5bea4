package cn.jiuji.base;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * One process variable of a case: its name and type in one place (the idea of holunda's
 * camunda-bpm-data), so that no code spells a variable name as a string literal.
 */
public record CaseVariable<T>(String name, Class<T> type) {

  public static <T> CaseVariable<T> of(String name, Class<T> type) {
    return new CaseVariable<>(name, type);
  }

  public T from(VariableScope scope) {
    return type.cast(scope.getVariable(name));
  }

  public T from(java.util.Map<String, ?> variables) {
    return type.cast(variables.get(name));
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }
}
