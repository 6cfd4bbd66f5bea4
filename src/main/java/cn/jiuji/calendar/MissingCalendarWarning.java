package cn.jiuji.calendar;

import cn.jiuji.identity.Groups;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The administrators' reminder that a year has no calendar file: one standalone task per missing
 * year for {@code camunda-admin}, created once however often and on however many nodes the gap is
 * noticed.
 *
 * <p>The task is created on a thread of its own, in its own transaction and without the current
 * user's authentication: the gap is mostly noticed while a deadline is computed inside some
 * user's engine command, which must neither need the right to create tasks nor be rolled back
 * when a second node created the same task a moment earlier. The task id is derived from the
 * year, so the database's primary key is what makes it unique across nodes.
 */
@Component
class MissingCalendarWarning implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(MissingCalendarWarning.class);

  private final TaskService tasks;
  private final HistoryService history;
  private final TransactionTemplate transaction;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "calendar-warning");
    thread.setDaemon(true);
    return thread;
  });
  /** Years whose task this node knows to exist: no need to ask the database again. */
  private final Set<Integer> ensured = ConcurrentHashMap.newKeySet();

  MissingCalendarWarning(TaskService tasks, HistoryService history,
      PlatformTransactionManager transactionManager) {
    this.tasks = tasks;
    this.history = history;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  static String taskId(int year) {
    return "calendarMissing" + year;
  }

  static String taskName(int year) {
    return "请补充" + year + "年节假日安排";
  }

  /**
   * Makes sure the task for the year exists, in the background. The futures complete in the
   * order of the calls.
   */
  CompletableFuture<Void> raise(int year) {
    if (ensured.contains(year)) {
      return CompletableFuture.completedFuture(null);
    }
    return CompletableFuture.runAsync(() -> ensureTask(year), executor);
  }

  private void ensureTask(int year) {
    if (ensured.contains(year)) {
      return;
    }
    try {
      transaction.executeWithoutResult(status -> {
        if (!exists(year)) {
          create(year);
        }
      });
      ensured.add(year);
    } catch (RuntimeException e) {
      // most likely another node inserted the same task id between our check and our insert
      if (exists(year)) {
        LOG.info("The reminder for the missing {} calendar was created by another node", year);
        ensured.add(year);
      } else {
        LOG.error("Could not create the administrators' reminder for the missing {} calendar",
            year, e);
      }
    }
  }

  /** Open, or once created and since completed by an administrator: either way not again. */
  private boolean exists(int year) {
    String id = taskId(year);
    return tasks.createTaskQuery().taskId(id).count() > 0
        || history.createHistoricTaskInstanceQuery().taskId(id).count() > 0;
  }

  private void create(int year) {
    Task task = tasks.newTask(taskId(year));
    task.setName(taskName(year));
    task.setDescription("系统中没有" + year + "年的节假日安排文件。在补充之前，" + year
        + "年的办理时限暂按周一至周五为工作日计算，法定节假日和调休上班日都没有计入，到期日可能不准确。"
        + "请在国务院办公厅公布《关于" + year + "年部分节假日安排的通知》后，按 2026.csv 的格式"
        + "（date,type,name；OFF 为放假，WORK 为调休上班）编写 " + year + ".csv，放入日历目录"
        + "（配置项 jiuji.calendar.location），系统会在一分钟内自动加载，"
        + "也可由管理员调用 POST /api/calendar/reload 立即加载。加载成功后请完成本任务。");
    tasks.saveTask(task);
    tasks.addCandidateGroup(task.getId(), Groups.ADMINS);
    LOG.warn("Created the task \"{}\" for the administrators ({})", task.getName(), Groups.ADMINS);
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
  }
}
