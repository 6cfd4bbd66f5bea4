package cn.jiuji.system;

import cn.jiuji.base.RuleBreak;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNode;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What an expression in a deployed model may do (SPEC §12): read variables, compare and combine
 * them, read one property of a variable, of {@code task} or {@code execution} or of an allowed
 * bean, and call methods on the application's beans that {@code jiuji.models.beans} lists. No
 * functions, no method on anything else, no chains that walk from an object to the engine, and
 * nothing that names Java's reflection. The expression is parsed as the engine parses it (JUEL),
 * so what is checked is what would run.
 *
 * @param beans the beans a model may call
 * @param isBean whether a name is a bean of the application at all (a bean not listed may not be
 *     named, e.g. as a delegate expression)
 */
record ModelExpressions(Set<String> beans, Predicate<String> isBean) {

  /** Names that reach Java's reflection or the engine behind a model's objects. */
  private static final Pattern FORBIDDEN = Pattern.compile(
      "getClass|forName|[cC]lassLoader|Runtime|ProcessBuilder|newInstance|getDeclared|\\bT\\s*\\(|\\bjava\\.|\\bjavax\\.|\\.class\\b");
  private static final Set<String> FORBIDDEN_PROPERTIES = Set.of("class", "classLoader", "processEngine",
      "processEngineServices", "processEngineConfiguration", "applicationContext", "beanFactory",
      "bpmnModelInstance", "bpmnModelElementInstance", "processInstance", "superExecution", "parent");
  /** What the engine puts into every expression of a model besides variables. */
  private static final Set<String> CONTEXT = Set.of("task", "execution");

  /** Checks each {@code ${...}} of a text; the Chinese reason of the first thing refused, or null. */
  String refusal(String text) {
    if (text == null || !(text.contains("${") || text.contains("#{"))) {
      return null;
    }
    if (FORBIDDEN.matcher(text).find()) {
      return "表达式 " + text + " 涉及 Java 反射或系统类，模型中不允许";
    }
    try {
      var tree = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS).build(text);
      check(tree.getRoot(), text);
      return null;
    } catch (TreeBuilderException e) {
      return "表达式 " + text + " 无法解析";
    } catch (RuleBreak refused) {
      return refused.getMessage();
    }
  }

  private void check(Node node, String text) {
    if (node instanceof AstFunction function) {
      throw RuleBreak.badRequest("表达式 " + text + " 调用了函数 " + function.getName() + "()，模型中只能调用本系统的对象");
    }
    if (node instanceof AstMethod method) {
      AstProperty target = (AstProperty) method.getChild(0);
      String bean = identifier(target.getChild(0));
      if (bean == null || !beans.contains(bean) || property(target) == null) {
        throw RuleBreak.badRequest("表达式 " + text + " 调用了" + (bean == null ? "不明对象" : "“" + bean + "”")
            + "的方法：模型只能调用本系统列入 jiuji.models.beans 的对象 " + beans);
      }
      for (int i = 1; i < method.getCardinality(); i++) {
        check(method.getChild(i), text);
      }
      return;
    }
    if (node instanceof AstProperty property) {
      String base = identifier(property.getChild(0));
      String name = property(property);
      if (base == null || name == null || FORBIDDEN_PROPERTIES.contains(name)) {
        throw RuleBreak.badRequest("表达式 " + text + " 读取的属性不允许：只能读取变量、task、execution 或本系统对象的一层属性");
      }
      check(property.getChild(0), text);
      return;
    }
    if (node instanceof AstIdentifier identifier) {
      String name = identifier.getName();
      if (!CONTEXT.contains(name) && !beans.contains(name) && isBean.test(name)) {
        throw RuleBreak.badRequest("表达式 " + text + " 用到了对象“" + name + "”，它不在可供模型调用的对象名单（jiuji.models.beans）中");
      }
      return;
    }
    for (int i = 0; i < node.getCardinality(); i++) {
      check(node.getChild(i), text);
    }
  }

  private static String identifier(Node node) {
    return node instanceof AstIdentifier identifier ? identifier.getName() : null;
  }

  /** The property's name when it is written out ({@code a.b}, {@code a['b']}), else null. */
  private static String property(AstProperty property) {
    if (property instanceof AstDot dot) {
      var whole = new StringBuilder();
      dot.appendStructure(whole, null);
      var prefix = new StringBuilder();
      ((AstNode) dot.getChild(0)).appendStructure(prefix, null);
      return whole.substring(prefix.length() + 1);
    }
    if (property instanceof AstBracket bracket && bracket.getChild(1) instanceof AstString name) {
      return String.valueOf(name.eval(null, null));
    }
    return null;
  }
}
