package cn.jiuji;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Which model a test class answers for. A class named {@code <Key>ProcessTest} owns the model
 * {@code processes/<key>.bpmn} and must cover all of it: every other model it happens to touch
 * (a case starting an enrollment, say) is left to that model's own process test. Other test
 * classes run processes too, but are not held to a coverage minimum.
 *
 * <p>Runs before the coverage library's listener (which runs last), so that the library's
 * per-class suite sees this class's exclusions.
 */
public class ProcessCoverageScope implements TestExecutionListener, Ordered {

  static final String SUFFIX = "ProcessTest";
  private static volatile Class<?> current;

  @Override
  public int getOrder() {
    return 0;
  }

  @Override
  public void beforeTestClass(TestContext testContext) {
    current = testContext.getTestClass();
  }

  /** The process key the current class owns, or null for a class that owns no model. */
  static String ownedKey() {
    Class<?> test = current;
    if (test == null || !test.getSimpleName().endsWith(SUFFIX)) {
      return null;
    }
    String name = test.getSimpleName();
    name = name.substring(0, name.length() - SUFFIX.length());
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  static boolean currentClassOwnsAModel() {
    return ownedKey() != null;
  }

  /** The keys of all models but the one the current class owns (none for other classes). */
  static List<String> notOwned() {
    return new AbstractList<>() {
      @Override
      public String get(int index) {
        return keys().get(index);
      }

      @Override
      public int size() {
        return keys().size();
      }

      private List<String> keys() {
        String owned = ownedKey();
        if (owned == null) {
          return List.of();
        }
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
          return files.map(f -> f.getFileName().toString())
              .filter(f -> f.endsWith(".bpmn"))
              .map(f -> f.substring(0, f.length() - ".bpmn".length()))
              .filter(key -> !key.equals(owned))
              .toList();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }
}
