package cn.jiuji.screening;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap a benchmark uses, from its start to {@link #close}: sampled every 20 ms, and the heap
 * pools' own peaks (the higher of the two is the figure to hold against the limit).
 */
final class HeapWatch implements AutoCloseable {

  private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(p -> p.getType() == MemoryType.HEAP).toList();
  private final AtomicLong sampledPeak = new AtomicLong();
  private final Thread sampler;

  HeapWatch() {
    System.gc();
    pools.forEach(MemoryPoolMXBean::resetPeakUsage);
    sampler = new Thread(() -> {
      var memory = ManagementFactory.getMemoryMXBean();
      while (!Thread.currentThread().isInterrupted()) {
        sampledPeak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-watch");
    sampler.setDaemon(true);
    sampler.start();
  }

  long sampledPeakMb() {
    return sampledPeak.get() >> 20;
  }

  long poolPeaksMb() {
    return pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
  }

  long peakMb() {
    return Math.max(sampledPeakMb(), poolPeaksMb());
  }

  String describe() {
    return String.format("peak heap: %,d MB sampled used, %,d MB sum of pool peaks, max %,d MB", sampledPeakMb(),
        poolPeaksMb(), Runtime.getRuntime().maxMemory() >> 20);
  }

  @Override
  public void close() {
    sampler.interrupt();
  }
}
