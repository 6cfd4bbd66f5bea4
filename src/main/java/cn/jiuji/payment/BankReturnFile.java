package cn.jiuji.payment;

import cn.jiuji.base.FormValues;
import cn.jiuji.base.RuleBreak;
import cn.jiuji.ledger.BankPayments.RejectedLine;
import cn.jiuji.ledger.BankPayments.ReturnLine;
import cn.jiuji.screening.MedicalFileReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bank's return of a payment list (回盘, SPEC §8): CSV in UTF-8 or GBK, or XLSX, read by the
 * same reader as the medical-insurance files; a header row naming the columns 案件编号, 银行账号, 金额,
 * 发放结果 (成功/失败) and 失败原因, in any order. A row that cannot be read is rejected with its row
 * number and the reason; a file that cannot be read at all is refused whole.
 */
final class BankReturnFile {

  static final String CASE_NO = "案件编号";
  static final String ACCOUNT = "银行账号";
  static final String AMOUNT = "金额";
  static final String RESULT = "发放结果";
  static final String REASON = "失败原因";
  static final String SUCCESS = "成功";
  static final String FAILURE = "失败";
  private static final List<String> REQUIRED = List.of(CASE_NO, ACCOUNT, AMOUNT, RESULT);
  /** What bank_payment.failure_reason holds, with room to spare. */
  private static final int MAX_REASON = 500;
  static final String NO_REASON_GIVEN = "银行未注明失败原因";

  /** What the file holds: its data rows, the lines to apply, and the rows refused as unreadable. */
  record Content(int rows, List<ReturnLine> lines, List<RejectedLine> rejected) {}

  private BankReturnFile() {}

  static Content read(Path file, String fileName) throws IOException {
    MedicalFileReader.Kind kind = MedicalFileReader.detect(file, fileName);
    List<ReturnLine> lines = new ArrayList<>();
    List<RejectedLine> rejected = new ArrayList<>();
    Map<String, Integer> columns = new HashMap<>();
    int[] rows = {0};
    MedicalFileReader.read(file, kind, (row, cells) -> {
      if (cells.stream().allMatch(FormValues::isBlank)) {
        return true;
      }
      if (columns.isEmpty()) {
        header(cells, columns);
        return true;
      }
      rows[0]++;
      line(row, cells, columns, lines, rejected);
      return true;
    });
    if (columns.isEmpty()) {
      throw RuleBreak.badRequest("回盘文件是空的：第一行应为表头（案件编号、银行账号、金额、发放结果、失败原因）");
    }
    if (rows[0] == 0) {
      throw RuleBreak.badRequest("回盘文件只有表头，没有数据行");
    }
    return new Content(rows[0], lines, rejected);
  }

  private static void header(List<String> cells, Map<String, Integer> columns) {
    for (int i = 0; i < cells.size(); i++) {
      String name = FormValues.stripped(cells.get(i));
      if (name.isEmpty()) {
        continue;
      }
      if (columns.putIfAbsent(name, i) != null) {
        throw RuleBreak.badRequest("回盘文件的表头中“" + name + "”列出现了两次，无法判断以哪一列为准");
      }
    }
    List<String> missing = REQUIRED.stream().filter(name -> !columns.containsKey(name)).toList();
    if (!missing.isEmpty()) {
      throw RuleBreak.badRequest("回盘文件缺少“" + String.join("”“", missing)
          + "”列：第一行应为表头，列名为 案件编号、银行账号、金额、发放结果、失败原因");
    }
  }

  private static void line(long row, List<String> cells, Map<String, Integer> columns, List<ReturnLine> lines,
      List<RejectedLine> rejected) {
    String caseNo = cell(cells, columns, CASE_NO);
    String account = cell(cells, columns, ACCOUNT);
    String amountText = cell(cells, columns, AMOUNT).replace(",", "");
    String result = cell(cells, columns, RESULT);
    String reason = cell(cells, columns, REASON);
    String refusal = null;
    BigDecimal amount = null;
    if (caseNo.isEmpty()) {
      refusal = "缺少案件编号";
    } else if (amountText.isEmpty()) {
      refusal = "缺少金额";
    } else {
      try {
        amount = new BigDecimal(amountText);
        if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
          refusal = "金额“" + amountText + "”应为大于 0、最多两位小数的元数";
        }
      } catch (NumberFormatException e) {
        refusal = "金额“" + amountText + "”不是有效的数字";
      }
    }
    if (refusal == null && !result.equals(SUCCESS) && !result.equals(FAILURE)) {
      refusal = result.isEmpty() ? "缺少发放结果（应为“成功”或“失败”）"
          : "发放结果应为“成功”或“失败”，而不是“" + result + "”";
    }
    if (refusal == null && reason.length() > MAX_REASON) {
      refusal = "失败原因超过 " + MAX_REASON + " 个字，请精简后重新导入";
    }
    if (refusal != null) {
      rejected.add(new RejectedLine(row, refusal));
      return;
    }
    boolean paid = result.equals(SUCCESS);
    lines.add(new ReturnLine(row, caseNo, account, amount, paid,
        paid ? null : reason.isEmpty() ? NO_REASON_GIVEN : reason));
  }

  private static String cell(List<String> cells, Map<String, Integer> columns, String name) {
    Integer index = columns.get(name);
    return index == null || index >= cells.size() ? "" : FormValues.stripped(cells.get(index));
  }
}
