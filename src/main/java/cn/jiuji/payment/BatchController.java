package cn.jiuji.payment;

import cn.jiuji.base.CountyClock;
import cn.jiuji.base.RuleBreak;
import cn.jiuji.identity.Groups;
import cn.jiuji.ledger.BankPayments;
import cn.jiuji.ledger.BankPayments.PaymentOrder;
import cn.jiuji.screening.MedicalFileReader;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The payment of a batch through the bank (SPEC §8): {@code GET /api/batches/{batchNo}/payment-list}
 * (发放花名册) and {@code POST /api/batches/{batchNo}/bank-return} (the bank's 回盘). Both are the
 * county civil-affairs office's work alone: the list holds whole ID and account numbers of every
 * township's families, and a return moves money. Each whole ID number handed out in a list is
 * recorded in {@code id_number_read}, as the REST API records its full reads.
 */
@RestController
@RequestMapping("/api/batches/{batchNo}")
class BatchController {

  static final String ONLY_CIVIL_AFFAIRS = "发放花名册和银行回盘仅限县民政局救助股办理";
  private static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  private static final MediaType CSV = new MediaType("text", "csv", MedicalFileReader.GBK);

  private final BankPayments bank;
  private final BankReturns returns;
  private final IdentityService identity;
  private final JdbcTemplate jdbc;
  private final CountyClock clock;

  BatchController(BankPayments bank, BankReturns returns, IdentityService identity, JdbcTemplate jdbc,
      CountyClock clock) {
    this.bank = bank;
    this.returns = returns;
    this.identity = identity;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @GetMapping("/payment-list")
  ResponseEntity<byte[]> paymentList(@PathVariable String batchNo,
      @RequestParam(name = "format", defaultValue = "xlsx") String format, HttpServletRequest request) {
    String user = civilAffairs();
    boolean csv = format.equalsIgnoreCase("csv");
    if (!csv && !format.equalsIgnoreCase("xlsx")) {
      throw RuleBreak.badRequest("不支持的格式“" + format + "”：format 只能是 xlsx（默认）或 csv");
    }
    existing(batchNo);
    List<PaymentOrder> orders = bank.paymentList(batchNo);
    recordReads(user, orders, request.getRequestURI());
    byte[] body = csv ? PaymentListFile.csv(orders) : PaymentListFile.xlsx(batchNo, orders);
    String fileName = "发放花名册-" + batchNo + (csv ? ".csv" : ".xlsx");
    return ResponseEntity.ok()
        .contentType(csv ? CSV : XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
        .body(body);
  }

  @PostMapping(path = "/bank-return", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  BankReturns.Report bankReturn(@PathVariable String batchNo, @RequestParam("file") MultipartFile file)
      throws IOException {
    String user = civilAffairs();
    existing(batchNo);
    if (file.isEmpty()) {
      throw RuleBreak.badRequest("上传的回盘文件是空的");
    }
    Path copy = Files.createTempFile("jiuji-bank-return-", ".upload");
    try {
      file.transferTo(copy);
      BankReturnFile.Content content = BankReturnFile.read(copy, file.getOriginalFilename());
      return returns.apply(batchNo, content.rows(), content.lines(), content.rejected(), user);
    } finally {
      Files.deleteIfExists(copy);
    }
  }

  private String civilAffairs() {
    Authentication user = identity.getCurrentAuthentication();
    if (user == null || user.getGroupIds() == null || !user.getGroupIds().contains(Groups.CIVIL_AFFAIRS)) {
      throw RuleBreak.forbidden(ONLY_CIVIL_AFFAIRS);
    }
    return user.getUserId();
  }

  private void existing(String batchNo) {
    if (!bank.batchExists(batchNo)) {
      throw RuleBreak.notFound("没有批次 " + batchNo + " 的发放记录，请核对批次号");
    }
  }

  private void recordReads(String user, List<PaymentOrder> orders, String path) {
    var now = clock.now().atOffset(ZoneOffset.UTC);
    String shortPath = path.length() > 1000 ? path.substring(0, 1000) : path;
    jdbc.batchUpdate("INSERT INTO id_number_read (user_id, read_at, id_number, process_instance_id, case_no, request_path)"
            + " VALUES (?, ?, ?, NULL, ?, ?)",
        orders.stream().map(o -> new Object[] {user, now, o.idNumber(), o.caseNo(), shortPath}).toList());
  }
}
