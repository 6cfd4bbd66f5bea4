package cn.jiuji.decision;

/**
 * Policy figures have no defaults in code: a figure missing from configuration stops the start
 * with a message that names it, rather than running on a number nobody chose.
 */
public final class Configured {

  private Configured() {}

  public static void require(String key, Object value) {
    if (value == null) {
      throw new IllegalStateException("缺少政策配置 " + key + "：请在 application.yaml 或环境变量中设置");
    }
  }
}
