package cn.jiuji.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import cn.jiuji.assistance.CaseFixtures;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A township worker works a task in the real Tasklist, in headless Chromium: needs Chromium, the
 * CJK fonts and playwright-core (npm ci), so it runs in the Maven profile {@code browser}
 * ({@code ./mvnw verify -Pbrowser}, as .ci/run does), not in a plain {@code ./mvnw verify}.
 */
@Tag("browser")
@ApplicationTest
class TasklistBrowserTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired org.camunda.bpm.engine.HistoryService history;

  @Test
  void oneCaseGoesFromTheStartFormToTheApprovalInTheChineseTasklist() throws Exception {
    String household = "浏览器测试户" + System.nanoTime() % 10_000;
    String newCase = CaseFixtures.newIdNumber();
    // another township's case, which the sanban worker's case list must not show
    runtime.startProcessInstanceByKey("temporaryAssistance", CaseFixtures.start("xunzhong", "GENERAL", 132_667));

    Path shots = Files.createDirectories(Path.of("target", "browser"));
    Path log = shots.resolve("complete-first-visit.log");
    Process browser = new ProcessBuilder("node", "src/test/browser/complete-first-visit.js",
            "http://localhost:" + port, "sanban1", "demo", household, newCase, shots.toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    assertThat(browser.waitFor(3, TimeUnit.MINUTES)).as("the browser finished").isTrue();
    assertThat(browser.exitValue())
        .as(Files.readString(log, StandardCharsets.UTF_8) + " (screenshots in " + shots.toAbsolutePath() + File.separator + ")")
        .isZero();

    // the case the worker started from 发起流程 was named to them by its number
    var pi = runtime.createProcessInstanceQuery().variableValueEquals("idNumber", newCase).singleResult();
    assertThat(pi).as("the case started in the browser").isNotNull();
    assertThat(runtime.getVariable(pi.getId(), "township")).isEqualTo("sanban");
    assertThat(runtime.getVariable(pi.getId(), "householdHead")).isEqualTo(household);
    assertThat(Files.readString(log, StandardCharsets.UTF_8))
        .contains("started: 已登记案件 " + pi.getBusinessKey() + "，正在打开第一步“初次入户调查核对”");

    // the top-up the browser first proposed was refused; the opinion without it went on, and the
    // county and the leading group signed the case off in Tasklist with the carried amount
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("proposedTopUp").singleResult().getValue()).isEqualTo(0L);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId("groupApproval").finished().count()).isEqualTo(1);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("approvedAmount").list()).extracting(v -> v.getValue()).contains(19_900L);
    assertThat(Files.readString(log, StandardCharsets.UTF_8))
        .contains("opinion given", "民政再次入户审核 done by civil1", "县社会救助领导小组研究审批 done by group1");
    assertThat(Files.readString(log, StandardCharsets.UTF_8))
        .contains("refusal shown: ", "入户调查未认定家庭特别困难，不能加发救助金（加发金额请填 0）")
        .doesNotContain("Cannot submit");
    assertThat(runtime.getVariable(pi.getId(), "visitConfirmsHardship")).isEqualTo(true);
    assertThat(runtime.getVariable(pi.getId(), "householdSize")).isEqualTo(4L);
    assertThat(runtime.getVariable(pi.getId(), "visitFindings").toString()).contains("浏览器测试");
    // Tasklist posts every field of the form, the read-only ones too, and nothing else; the
    // read-only ones come back unchanged and are left out (FormVariablesFilter)
    String submitted = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
        .filter(line -> line.startsWith("submitted ")).findFirst().orElseThrow();
    assertThat(submitted).contains("/submit-form", "\"caseNo\"", "\"visitFindings\"").doesNotContain("township\"");
    assertThat(runtime.getVariable(pi.getId(), "caseNo")).isEqualTo(pi.getBusinessKey());

    // the empty form's messages were Chinese; the 案件档案 tab named the first visit and its worker
    assertThat(Files.readString(log, StandardCharsets.UTF_8))
        .contains("validation shown: 6 fields", "case file shown: 案件 " + pi.getBusinessKey(),
            "case list row: " + pi.getBusinessKey() + " " + household)
        // 10 June 2026 (TestClock) plus the first visit's working days
        .containsPattern("card: .*截止 2026年6月\\d{1,2}日 星期[一二三四五] · 剩余\\d+个工作日");
  }
}
