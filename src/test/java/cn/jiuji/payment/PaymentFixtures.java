package cn.jiuji.payment;

import cn.jiuji.assistance.CaseFixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Cases that reach the bank, and the bank's returns, for the payment tests. */
final class PaymentFixtures {

  static final String HEADER = "案件编号,银行账号,金额,发放结果,失败原因";

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;

  PaymentFixtures(RuntimeService runtime, TaskService tasks, ManagementService management) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
  }

  /**
   * A case of {@code township} approved for {@code amount} and disbursed: its grant is SENT in the
   * payment list of {@code batchNo} (null: a case approved on its own, whose list is its number).
   */
  ProcessInstance disbursed(String township, long amount, String batchNo, String account) {
    Map<String, Object> start = CaseFixtures.start(township, "GENERAL", 132_667);
    ProcessInstance pi = runtime.startProcessInstanceByKey("temporaryAssistance", start);
    Map<String, Object> visit = new HashMap<>(CaseFixtures.visit(true, false));
    visit.put("bankAccount", account);
    complete(pi, "firstVisit", visit);
    complete(pi, "preliminaryOpinion", CaseFixtures.opinion(true, amount, 0));
    complete(pi, "secondReview", CaseFixtures.review(true, amount));
    if (batchNo != null) {
      // as the leading group's meeting does for the cases it decides
      runtime.setVariable(pi.getId(), "batchNo", batchNo);
    }
    complete(pi, "groupApproval", CaseFixtures.approval(true, amount));
    management.executeJob(management.createJobQuery().processInstanceId(pi.getId())
        .activityId("disburse").singleResult().getId());
    return pi;
  }

  private void complete(ProcessInstance pi, String step, Map<String, Object> variables) {
    tasks.complete(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(step)
        .singleResult().getId(), variables);
  }

  /** A return as CSV: the header and the given lines (案件编号,银行账号,金额,发放结果,失败原因). */
  static byte[] csv(Charset charset, String... lines) {
    return (HEADER + "\r\n" + String.join("\r\n", lines) + "\r\n").getBytes(charset);
  }

  /** A return as XLSX, every cell text, as banks' systems export it. */
  static byte[] xlsx(List<List<String>> rows) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("回盘");
      Row header = sheet.createRow(0);
      String[] names = HEADER.split(",");
      for (int i = 0; i < names.length; i++) {
        header.createCell(i).setCellValue(names[i]);
      }
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r + 1);
        for (int c = 0; c < rows.get(r).size(); c++) {
          row.createCell(c).setCellValue(rows.get(r).get(c));
        }
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
