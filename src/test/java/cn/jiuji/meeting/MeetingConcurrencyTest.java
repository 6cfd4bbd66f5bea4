package cn.jiuji.meeting;

import static cn.jiuji.meeting.MeetingFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two meetings deciding at the same moment (two nodes, or two members submitting at once) take
 * one batch number after the other, also for the first batch of a year, whose row neither finds.
 */
@ApplicationTest
class MeetingConcurrencyTest {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;

  @Test
  void twoMeetingsDecidingAtOnceGetTwoNumbers() throws Exception {
    var fixtures = new MeetingFixtures(runtime, tasks, identity);
    ProcessInstance one = fixtures.caseAtApproval(100_000, 15_000);
    ProcessInstance other = fixtures.caseAtApproval(90_000, 13_500);
    ProcessInstance first = fixtures.callMeeting("2026-06-12", "第一会场");
    ProcessInstance second = fixtures.callMeeting("2026-06-12", "第二会场");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM batch_year", Integer.class)).isZero();

    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> a = pool.submit(() -> {
        together.await();
        new MeetingFixtures(runtime, tasks, identity).decide(first, "group1", List.of(approve(one, 15_000)));
        return null;
      });
      Future<?> b = pool.submit(() -> {
        together.await();
        new MeetingFixtures(runtime, tasks, identity).decide(second, "group2", List.of(approve(other, 13_500)));
        return null;
      });
      a.get(60, TimeUnit.SECONDS);
      b.get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    assertThat(List.of(runtime.getVariable(one.getId(), "batchNo"), runtime.getVariable(other.getId(), "batchNo")))
        .containsExactlyInAnyOrder("2026-01", "2026-02");
    assertThat(jdbc.queryForList("SELECT batch_no FROM meeting_batch ORDER BY batch_no", String.class))
        .containsExactly("2026-01", "2026-02");
  }
}
