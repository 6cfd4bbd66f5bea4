package cn.jiuji.system;

import cn.jiuji.base.RuleBreak;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Parse;
import org.camunda.bpm.engine.impl.util.xml.Parser;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * SPEC §12: a deployed model may call only the application's own beans and plain expressions.
 * Refused at deployment (BPMN and DMN), with the element named, before the engine reads the model: scripts (script
 * tasks, script listeners and mappings, conditions in a script language), connectors, Java
 * classes outside the application's package, and every expression that {@link ModelExpressions}
 * does not allow. A designer's model that ran {@code Runtime.exec} in the job executor was the
 * hole this closes; what Camunda itself can switch off for scripts is off too (application.yaml).
 */
@Component
class DeploymentGuard extends AbstractProcessEnginePlugin {

  /** The application's own package: cn.jiuji. */
  private static final String OWN_PACKAGE =
      DeploymentGuard.class.getPackageName().substring(0, DeploymentGuard.class.getPackageName().lastIndexOf('.') + 1);
  private static final Set<String> SCRIPT_ELEMENTS = Set.of("scriptTask", "script", "connector");

  private final ModelExpressions expressions;

  DeploymentGuard(ModelProperties models, ApplicationContext context) {
    this.expressions = new ModelExpressions(Set.copyOf(models.beans()), context::containsBean);
  }

  /**
   * Before the engine's own deployers: the engine parses a model's expressions as it reads the
   * model and would fail on some of them (an unknown function) with an English 500 before a parse
   * listener could name the element. Only new deployments: a model already deployed is read into
   * the cache again after a restart and stays readable.
   */
  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> deployers = new ArrayList<>();
    deployers.add(this::check);
    if (configuration.getCustomPreDeployers() != null) {
      deployers.addAll(configuration.getCustomPreDeployers());
    }
    configuration.setCustomPreDeployers(deployers);
  }

  private void check(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    for (ResourceEntity resource : deployment.getResources().values()) {
      String name = resource.getName();
      boolean bpmn = name != null && (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml"));
      boolean dmn = name != null && (name.endsWith(".dmn") || name.endsWith(".dmn11.xml"));
      if ((bpmn || dmn) && resource.getBytes() != null) {
        Parse parse = new ElementTree().createParse().name(name)
            .sourceInputStream(new ByteArrayInputStream(resource.getBytes())).execute();
        if (parse.getRootElement() != null) {
          walk(parse.getRootElement(), "模型");
        }
      }
    }
  }

  /** XML as the engine reads it (its parser, its XXE settings), into elements, nothing more. */
  private static final class ElementTree extends Parser {
    @Override
    public Parse createParse() {
      return new Parse(this) {};
    }
  }

  private void walk(Element element, String owner) {
    String here = named(element, owner);
    String tag = local(element.getTagName());
    if (SCRIPT_ELEMENTS.contains(tag)) {
      refuse(here, "含有脚本或连接器（" + tag + "）：模型中不允许脚本，请改为调用本系统的对象");
    }
    for (String attribute : element.attributes()) {
      String name = local(attribute);
      String value = element.attribute(attribute);
      // a DMN expression in anything but FEEL (JavaScript, Groovy, JUEL with the beans) is a script too
      if ("language".equals(name) || "scriptFormat".equals(name)
          || "expressionLanguage".equals(name) && element.getUri() != null && element.getUri().contains("DMN")
          && !value.toLowerCase(java.util.Locale.ROOT).contains("feel")) {
        refuse(here, "含有脚本（" + value + "）：模型中不允许脚本，条件请写成表达式，例如 ${approved}");
      }
      if (name.equals("class") || name.endsWith("Class")) {
        if (!value.startsWith(OWN_PACKAGE)) {
          refuse(here, "使用了本系统以外的 Java 类 " + value);
        }
      }
      String refusal = expressions.refusal(value);
      if (refusal != null) {
        refuse(here, refusal);
      }
    }
    String refusal = expressions.refusal(element.getText());
    if (refusal != null) {
      refuse(here, refusal);
    }
    for (Element child : element.elements()) {
      walk(child, here);
    }
  }

  /** The element as a designer finds it in Modeler: its name and id, or that of the nearest one that has them. */
  private static String named(Element element, String owner) {
    String id = element.attribute("id");
    if (id == null) {
      return owner;
    }
    String name = element.attribute("name");
    return (name == null || name.isBlank() ? "" : "“" + name + "”") + "（" + id + "）";
  }

  private static String local(String qualified) {
    int colon = qualified.lastIndexOf(':');
    return colon < 0 ? qualified : qualified.substring(colon + 1);
  }

  private static void refuse(String element, String reason) {
    throw RuleBreak.badRequest("模型不能部署：元素" + element + reason);
  }
}
