package cn.jiuji.screening;

import cn.jiuji.base.CountyClock;
import cn.jiuji.base.RuleBreak;
import cn.jiuji.identity.Groups;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code POST /api/screening/imports} (SPEC §6): import a medical-insurance file, then screen. */
@RestController
@RequestMapping("/api/screening")
class ScreeningController {

  private static final List<String> ALLOWED = List.of(Groups.MEDICAL_INSURANCE, Groups.CIVIL_AFFAIRS);
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final MedicalFileImport imports;
  private final ScreeningAfterImport screening;
  private final IdentityService identity;
  private final ZoneId zone;

  ScreeningController(MedicalFileImport imports, ScreeningAfterImport screening, IdentityService identity,
      CountyClock clock) {
    this.imports = imports;
    this.screening = screening;
    this.identity = identity;
    this.zone = clock.zone();
  }

  /**
   * The import report of SPEC §6, with what a user also needs to know: how many good rows were
   * settlements already known, whether the bad-row list is cut short, whether the file was
   * imported before.
   *
   * @param rejected the first bad rows (at most jiuji.screening.rejected-list-limit)
   * @param rejectedCount all bad rows
   * @param rejectedListTruncated true when rejected lists fewer than rejectedCount
   * @param householdsEligible households reaching their threshold in the screening after the import
   * @param casesStarted the case numbers that screening started
   */
  record ImportReport(int rows, int accepted, int newSettlements, int knownSettlements,
      List<RejectedRow> rejected, int rejectedCount, boolean rejectedListTruncated,
      int householdsEligible, List<String> casesStarted, boolean alreadyImported, String sha256,
      String message) {}

  @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ImportReport importFile(@RequestParam("file") MultipartFile file) {
    Authentication user = identity.getCurrentAuthentication();
    if (user == null || user.getGroupIds() == null || user.getGroupIds().stream().noneMatch(ALLOWED::contains)) {
      throw RuleBreak.forbidden("只有县医保分局或县民政局救助股的工作人员可以导入医保结算数据");
    }
    if (file.isEmpty()) {
      throw RuleBreak.badRequest("上传的文件是空的");
    }
    Path copy = null;
    try {
      copy = Files.createTempFile("jiuji-screening-", ".upload");
      file.transferTo(copy);
      var result = imports.importFile(copy, file.getOriginalFilename(), user.getUserId());
      if (result.alreadyImported()) {
        return new ImportReport(result.rows(), result.accepted(), 0, result.accepted(), List.of(),
            result.rejectedCount(), result.rejectedCount() > 0, 0, List.of(), true, result.sha256(),
            "该文件已于 " + WHEN.format(result.importedAt().atZone(zone)) + " 由 "
                + (result.importedBy() == null ? "系统" : result.importedBy()) + " 导入（“" + result.fileName()
                + "”），内容完全相同，本次未作任何更改，也未重新筛查");
      }
      var run = screening.run(result.fileId());
      int known = result.accepted() - result.newSettlements();
      boolean truncated = result.rejected().size() < result.rejectedCount();
      String message = "共 " + result.rows() + " 行：接受 " + result.accepted() + " 行（新结算单 "
          + result.newSettlements() + " 笔，此前已导入的 " + known + " 笔不重复计入），退回 "
          + result.rejectedCount() + " 行" + (truncated ? "（仅列出前 " + result.rejected().size() + " 行）" : "")
          + "。筛查结果：符合救助条件的家庭 " + run.householdsEligible() + " 户，其中已有案件的 "
          + run.householdsWithCase() + " 户，新启动救助案件 " + run.casesStarted().size() + " 件。";
      return new ImportReport(result.rows(), result.accepted(), result.newSettlements(), known,
          result.rejected(), result.rejectedCount(), truncated, run.householdsEligible(),
          run.casesStarted(), false, result.sha256(), message);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (copy != null) {
        try {
          Files.deleteIfExists(copy);
        } catch (IOException e) {
          // a leftover temporary file is no reason to fail the import
        }
      }
    }
  }
}
