package cn.jiuji.calendar;

/** A calendar file that cannot be used, with the file and line to fix. */
class CalendarFileException extends RuntimeException {

  private final String file;
  private final long line;

  /** @param line 1-based line number, 0 when the fault is the file as a whole */
  CalendarFileException(String file, long line, String reason) {
    super("节假日日历文件 " + file + (line > 0 ? " 第" + line + "行" : "") + "：" + reason);
    this.file = file;
    this.line = line;
  }

  String file() {
    return file;
  }

  long line() {
    return line;
  }
}
