package cn.jiuji.casefile;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cases/{caseNo}/approval-form.pdf}: the printable 临时救助审核审批表 (SPEC §11).
 * Township-scoped like the case summary: a case the user may not see is a 404 in Chinese.
 */
@RestController
class ApprovalFormController {

  private final ApprovalSheet sheets;
  private final ApprovalFormPdf pdf;

  ApprovalFormController(ApprovalSheet sheets, ApprovalFormPdf pdf) {
    this.sheets = sheets;
    this.pdf = pdf;
  }

  @GetMapping("/api/cases/{caseNo}/approval-form.pdf")
  ResponseEntity<byte[]> approvalForm(@PathVariable String caseNo) {
    byte[] body = pdf.render(sheets.of(caseNo));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        // opened in the browser's viewer, saved under the case's number
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename("临时救助审核审批表-" + caseNo + ".pdf", StandardCharsets.UTF_8).build().toString())
        .body(body);
  }
}
