package cn.jiuji.screening;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.postgresql.copy.CopyIn;

/**
 * The data of a COPY … FROM STDIN, sent to PostgreSQL by a thread of its own: the thread that
 * reads and checks the rows hands over chunks of 256 KB and goes on, instead of waiting whenever
 * the socket is full (the file is read on one core while the database takes the rows on the
 * other). At most {@value #IN_FLIGHT} chunks wait, so memory stays small whatever the file.
 */
final class CopyPipe extends OutputStream {

  private static final int CHUNK = 1 << 18;
  private static final int IN_FLIGHT = 8;

  private record Chunk(byte[] bytes, int length) {}

  private static final Chunk END = new Chunk(new byte[0], -1);

  private final CopyIn copy;
  private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(IN_FLIGHT);
  private final Thread sender;
  private volatile SQLException failure;
  private byte[] buffer = new byte[CHUNK];
  private int at;

  /** @param header the bytes the data starts with */
  CopyPipe(CopyIn copy, byte[] header) {
    this.copy = copy;
    System.arraycopy(header, 0, buffer, 0, header.length);
    at = header.length;
    this.sender = new Thread(this::send, "settlement-copy");
    sender.setDaemon(true);
    sender.start();
  }

  private void send() {
    try {
      for (Chunk chunk = queue.take(); chunk != END; chunk = queue.take()) {
        copy.writeToCopy(chunk.bytes(), 0, chunk.length());
      }
    } catch (SQLException e) {
      failure = e;
    } catch (InterruptedException e) {
      // cancelled: the caller cancels the COPY
    }
  }

  @Override
  public void write(int b) throws IOException {
    if (at == CHUNK) {
      handOver();
    }
    buffer[at++] = (byte) b;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    while (length > 0) {
      if (at == CHUNK) {
        handOver();
      }
      int n = Math.min(length, CHUNK - at);
      System.arraycopy(bytes, offset, buffer, at, n);
      at += n;
      offset += n;
      length -= n;
    }
  }

  private void handOver() throws IOException {
    put(new Chunk(buffer, at));
    buffer = new byte[CHUNK];
    at = 0;
  }

  private void put(Chunk chunk) throws IOException {
    try {
      // a sender that failed takes nothing more: look at it while waiting
      while (!queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
        checkSender();
      }
      checkSender();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while loading settlements", e);
    }
  }

  private void checkSender() throws IOException {
    if (failure != null) {
      throw new IOException("Write to copy failed", failure);
    }
  }

  /** Sends what is left and ends the COPY: the database's errors, if any, come now. */
  long endCopy() throws IOException, SQLException {
    if (at > 0) {
      handOver();
    }
    put(END);
    try {
      sender.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while loading settlements", e);
    }
    if (failure != null) {
      throw failure;
    }
    return copy.endCopy();
  }

  /** Stops the sender and cancels the COPY (the connection then answers other statements again). */
  void cancel() throws SQLException {
    sender.interrupt();
    try {
      sender.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (copy.isActive()) {
      copy.cancelCopy();
    }
  }
}
