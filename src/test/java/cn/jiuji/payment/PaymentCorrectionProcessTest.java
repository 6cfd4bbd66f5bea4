package cn.jiuji.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import cn.jiuji.ApplicationTest;
import cn.jiuji.TestClock;
import cn.jiuji.assistance.CaseFixtures;
import cn.jiuji.base.RuleBreak;
import cn.jiuji.ledger.BankPayments;
import cn.jiuji.ledger.BankPayments.ReturnLine;
import cn.jiuji.ledger.GrantRecord;
import cn.jiuji.ledger.GrantSource;
import cn.jiuji.ledger.GrantStatus;
import cn.jiuji.ledger.Ledger;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of paymentCorrection.bpmn (coverage enforced at 100 %): a failed transfer corrected and sent again. */
@ApplicationTest
class PaymentCorrectionProcessTest {

  static final String OLD_ACCOUNT = "6230351111222233334";
  static final String NEW_ACCOUNT = "6217000011112222333";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired AuthorizationService authorizations;
  @Autowired BankReturns returns;
  @Autowired BankPayments bank;
  @Autowired Ledger ledger;
  PaymentFixtures fixtures;

  @BeforeEach
  void fixtures() {
    fixtures = new PaymentFixtures(runtime, tasks, management);
  }

  ReturnLine line(String caseNo, String account, String amount, boolean paid, String reason) {
    return new ReturnLine(2, caseNo, account, new BigDecimal(amount), paid, reason);
  }

  /** The case's grant fails at the bank: its correction waits for the township. */
  ProcessInstance failed(ProcessInstance theCase, String batchNo, String reason) {
    var report = returns.apply(batchNo, 1, List.of(line(theCase.getBusinessKey(), OLD_ACCOUNT, "19900", false, reason)),
        List.of(), "civil1");
    assertThat(report.failed()).containsExactly(new BankReturns.Failed(theCase.getBusinessKey(), reason));
    return runtime.createProcessInstanceQuery().processDefinitionKey(PaymentVariables.PROCESS_KEY)
        .processInstanceBusinessKey(theCase.getBusinessKey()).singleResult();
  }

  @Test
  void aFailedTransferIsCorrectedByItsTownshipAndPaidFromTheNextListOfItsBatch() {
    ProcessInstance theCase = fixtures.disbursed("sanban", 19_900, "2026-05", OLD_ACCOUNT);
    String caseNo = theCase.getBusinessKey();
    String household = (String) runtime.getVariable(theCase.getId(), "idNumber");
    int year = TestClock.PINNED.getYear();
    assertThat(ledger.capRemaining(household, year)).isEqualTo(20_100L);

    ProcessInstance correction = failed(theCase, "2026-05", "账户已销户");

    // failed money is neither in the list nor counted against the cap until it is sent again
    assertThat(bank.paymentList("2026-05")).isEmpty();
    assertThat(ledger.capRemaining(household, year)).isEqualTo(40_000L);
    assertThat(ledger.grantsOfCase(caseNo)).singleElement().extracting(g -> g.status()).isEqualTo(GrantStatus.FAILED);
    assertThat(correction).isWaitingAt(PaymentVariables.CORRECT_PAYMENT);
    assertThat(task(PaymentVariables.CORRECT_PAYMENT, correction)).hasCandidateGroup("townshipSanban");
    assertThat(correction).variables()
        .containsEntry("caseNo", caseNo).containsEntry("batchNo", "2026-05")
        .containsEntry("householdHead", "颜某斌").containsEntry("townshipName", "三班镇")
        .containsEntry("paymentAmount", 19_900.0).containsEntry("failureReason", "账户已销户")
        .containsEntry("previousAccountMasked", "***************3334")
        .containsEntry("bankName", CaseFixtures.BANK_NAME)
        .doesNotContainKey("bankAccount");
    // the township reads its correction, another township does not
    assertThat(authorizations.isUserAuthorized("sanban1", List.of("townshipSanban"), Permissions.READ,
        Resources.PROCESS_INSTANCE, correction.getId())).isTrue();
    assertThat(authorizations.isUserAuthorized("xunzhong1", List.of("townshipXunzhong"), Permissions.READ,
        Resources.PROCESS_INSTANCE, correction.getId())).isFalse();

    // an account that is not digits, or too short, is refused and the task stays open
    assertThatThrownBy(() -> complete(task(PaymentVariables.CORRECT_PAYMENT, correction),
            Map.of("bankAccount", "6217-0000-1111-2222", "bankName", "中国农业银行德化支行")))
        .isInstanceOf(RuleBreak.class).hasMessageContaining("银行账号只能由数字组成");
    assertThatThrownBy(() -> complete(task(PaymentVariables.CORRECT_PAYMENT, correction),
            Map.of("bankAccount", "62170000", "bankName", "中国农业银行德化支行")))
        .isInstanceOf(RuleBreak.class).hasMessage("银行账号应为 12 至 25 位数字，填写的是 8 位，请核对");
    assertThatThrownBy(() -> complete(task(PaymentVariables.CORRECT_PAYMENT, correction),
            Map.of("bankAccount", NEW_ACCOUNT, "bankName", "\u3000")))
        .isInstanceOf(RuleBreak.class).hasMessage("请填写：开户银行");
    assertThat(correction).isWaitingAt(PaymentVariables.CORRECT_PAYMENT);

    complete(task(PaymentVariables.CORRECT_PAYMENT, correction),
        Map.of("bankAccount", " " + NEW_ACCOUNT + " ", "bankName", "中国农业银行德化支行"));

    assertThat(correction).isEnded().hasPassed("resendPayment", "paymentResent");
    assertThat(bank.paymentList("2026-05")).singleElement().satisfies(order -> {
      assertThat(order.caseNo()).isEqualTo(caseNo);
      assertThat(order.bankAccount()).isEqualTo(NEW_ACCOUNT);
      assertThat(order.bankName()).isEqualTo("中国农业银行德化支行");
      assertThat(order.amount()).isEqualByComparingTo("19900");
    });
    assertThat(ledger.capRemaining(household, year)).isEqualTo(20_100L);
    assertThat(runtime.getVariable(theCase.getId(), "bankAccount")).isEqualTo(NEW_ACCOUNT);
    assertThat(bank.payee(caseNo)).get().extracting(BankPayments.Payee::bankAccount).isEqualTo(NEW_ACCOUNT);

    // the old account's return no longer matches; the new one pays it, once
    var stale = returns.apply("2026-05", 1, List.of(line(caseNo, OLD_ACCOUNT, "19900", true, null)), List.of(), "civil1");
    assertThat(stale.paid()).isZero();
    assertThat(stale.rejected()).singleElement().extracting(BankPayments.RejectedLine::reason)
        .isEqualTo("回盘银行账号与发放花名册中案件 " + caseNo + " 的银行账号不符");
    assertThat(returns.apply("2026-05", 1, List.of(line(caseNo, NEW_ACCOUNT, "19900", true, null)), List.of(), "civil1")
        .paid()).isEqualTo(1);
    assertThat(returns.apply("2026-05", 1, List.of(line(caseNo, NEW_ACCOUNT, "19900", true, null)), List.of(), "civil1")
        .paid()).isZero();
    assertThat(ledger.grantsOfCase(caseNo)).singleElement().extracting(g -> g.status()).isEqualTo(GrantStatus.PAID);
    assertThat(bank.totals("2026-05")).containsEntry(GrantStatus.PAID, new BigDecimal("19900.00"))
        .containsEntry(GrantStatus.SENT, new BigDecimal("0.00")).containsEntry(GrantStatus.FAILED, new BigDecimal("0.00"));
  }

  @Test
  void aCorrectionIsNeverStartedByHand() {
    ProcessInstance theCase = fixtures.disbursed("sanban", 19_900, "2026-07", OLD_ACCOUNT);
    // the case's grant is SENT, not FAILED: there is nothing to correct
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(PaymentVariables.PROCESS_KEY, theCase.getBusinessKey(),
            Map.of("caseNo", theCase.getBusinessKey(), "townshipGroup", "townshipSanban")))
        .isInstanceOf(RuleBreak.class).hasMessage("更正发放信息由银行回盘中发放失败的救助金自动发起，不能手工发起");
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(PaymentVariables.PROCESS_KEY))
        .isInstanceOf(RuleBreak.class);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PaymentVariables.PROCESS_KEY)
        .processInstanceBusinessKey(theCase.getBusinessKey()).count()).isZero();
  }

  @Test
  void aCorrectionThatTheCapNoLongerHasRoomForIsRefusedAndWaits() {
    ProcessInstance theCase = fixtures.disbursed("sanban", 19_900, "2026-06", OLD_ACCOUNT);
    String household = (String) runtime.getVariable(theCase.getId(), "idNumber");
    ProcessInstance correction = failed(theCase, "2026-06", "户名与账号不符");
    // meanwhile the household got other civil-affairs money of the year, which the failed grant had room for
    ledger.record(new GrantRecord(household, "YSYY-2026-80001", GrantSource.TOWNSHIP_ADVANCE,
        new BigDecimal("25000"), TestClock.PINNED.atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant(), "sanban1"));

    assertThatThrownBy(() -> complete(task(PaymentVariables.CORRECT_PAYMENT, correction),
            Map.of("bankAccount", NEW_ACCOUNT, "bankName", "中国农业银行德化支行")))
        .isInstanceOf(RuleBreak.class)
        .hasMessageContaining("案件 " + theCase.getBusinessKey()).hasMessageContaining("超过家庭年度救助上限");
    assertThat(correction).isWaitingAt(PaymentVariables.CORRECT_PAYMENT);
    assertThat(bank.paymentList("2026-06")).isEmpty();
    assertThat(ledger.grantsOfCase(theCase.getBusinessKey())).singleElement()
        .extracting(g -> g.status()).isEqualTo(GrantStatus.FAILED);
  }
}
