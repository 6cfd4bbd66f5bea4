package cn.jiuji.household;

import java.util.Arrays;
import java.util.Optional;

/**
 * The household categories of SPEC §2. Declared from the most to the least favourable: where a
 * household has several, the first one counts (SPEC §5).
 */
public enum Category {
  TEKUN("特困人员", "特困"),
  DIBAO("城乡低保对象", "低保"),
  TUOPIN("建档立卡脱贫户", "脱贫户"),
  DIBAO_EDGE("低保边缘家庭", "低保边缘"),
  GENERAL("一般困难群众", "普通");

  private final String label;
  private final String fileName;

  Category(String label, String fileName) {
    this.label = label;
    this.fileName = fileName;
  }

  /** How staff call it. */
  public String label() {
    return label;
  }

  /** How the medical-insurance file (SPEC §5, column 人员类别) calls it. */
  public String fileName() {
    return fileName;
  }

  public static Optional<Category> parse(String code) {
    return Arrays.stream(values()).filter(c -> c.name().equals(code)).findFirst();
  }

  /** The more favourable of two categories. */
  public Category mostFavourable(Category other) {
    return other == null || ordinal() <= other.ordinal() ? this : other;
  }
}
