package cn.jiuji.payment;

import cn.jiuji.base.RuleBreak;
import cn.jiuji.ledger.BankPayments;
import cn.jiuji.ledger.BankPayments.RejectedLine;
import cn.jiuji.ledger.BankPayments.ReturnLine;
import cn.jiuji.ledger.BankPayments.ReturnOutcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the bank's return of one batch (SPEC §8): in one transaction, the grants it reports
 * become PAID or FAILED and each failed one opens 更正发放信息 for its township; nothing of a return
 * that fails half-way stays.
 */
@Component
public class BankReturns {

  private final BankPayments bank;
  private final PaymentCorrection corrections;
  private final TransactionTemplate transaction;

  BankReturns(BankPayments bank, PaymentCorrection corrections, PlatformTransactionManager transactions) {
    this.bank = bank;
    this.corrections = corrections;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** The answer of SPEC §8: {@code {rows, paid, failed:[{caseNo, reason}], rejected:[{row, reason}]}}. */
  public record Report(int rows, int paid, List<Failed> failed, List<RejectedLine> rejected, String message) {}

  public record Failed(String caseNo, String reason) {}

  /**
   * Applies the lines of a return to the batch.
   *
   * @param rows the data rows of the file
   * @param unreadable rows already refused as unreadable, reported with the others
   */
  public Report apply(String batchNo, int rows, List<ReturnLine> lines, List<RejectedLine> unreadable,
      String userId) {
    if (!bank.batchExists(batchNo)) {
      throw RuleBreak.notFound("没有批次 " + batchNo + " 的发放记录，请核对批次号");
    }
    ReturnOutcome outcome = transaction.execute(status -> {
      ReturnOutcome applied = bank.applyReturn(batchNo, lines, userId);
      applied.failed().forEach(failed -> corrections.start(batchNo, failed));
      return applied;
    });
    List<RejectedLine> rejected = new ArrayList<>(unreadable);
    rejected.addAll(outcome.rejected());
    rejected.sort(Comparator.comparingLong(RejectedLine::row));
    List<Failed> failed = outcome.failed().stream().map(f -> new Failed(f.caseNo(), f.reason())).toList();
    String message = "批次 " + batchNo + " 的回盘共 " + rows + " 行：发放成功 " + outcome.paid() + " 笔，发放失败 "
        + failed.size() + " 笔" + (failed.isEmpty() ? "" : "（已通知所属乡镇更正发放信息）") + "，未处理 "
        + rejected.size() + " 行" + (rejected.isEmpty() ? "" : "（原因见 rejected）") + "。";
    return new Report(rows, outcome.paid(), failed, rejected, message);
  }
}
