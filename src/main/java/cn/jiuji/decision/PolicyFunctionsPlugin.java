package cn.jiuji.decision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunction;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Makes the policy configuration visible to the DMN tables as FEEL functions, so that a table
 * can say "from the relaxation date on" while the date itself stays in configuration:
 * {@code relaxationDate()} is {@code jiuji.policy.relaxation-date}.
 */
@Component
class PolicyFunctionsPlugin extends AbstractProcessEnginePlugin implements FeelCustomFunctionProvider {

  private final Map<String, CustomFunction> functions;

  PolicyFunctionsPlugin(PolicyProperties policy) {
    this.functions = Map.of(
        "relaxationDate",
        CustomFunction.create().setFunction(args -> policy.relaxationDate()).build());
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<FeelCustomFunctionProvider> providers = new ArrayList<>();
    if (configuration.getDmnFeelCustomFunctionProviders() != null) {
      providers.addAll(configuration.getDmnFeelCustomFunctionProviders());
    }
    providers.add(this);
    configuration.setDmnFeelCustomFunctionProviders(providers);
  }

  @Override
  public Optional<CustomFunction> resolveFunction(String functionName) {
    return Optional.ofNullable(functions.get(functionName));
  }

  @Override
  public Collection<String> getFunctionNames() {
    return functions.keySet();
  }
}
