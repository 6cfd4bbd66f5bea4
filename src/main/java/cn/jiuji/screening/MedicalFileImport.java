package cn.jiuji.screening;

import cn.jiuji.identity.CountyProperties;
import cn.jiuji.system.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Imports a medical-insurance file (SPEC §5): its good rows stream into {@code medical_settlement}
 * in batches, its bad rows are reported with row number and reason, the original is archived
 * with its SHA-256. The same file again changes nothing; settlements already known from an earlier
 * or overlapping file are not stored twice.
 *
 * <p>The batches are committed one by one, outside any transaction: a file of a million rows
 * must not become one huge transaction. An import that breaks off half-way leaves good
 * settlements behind but no archive record, so the same file can simply be imported again.
 */
@Component
public class MedicalFileImport {

  private static final Logger LOG = LoggerFactory.getLogger(MedicalFileImport.class);
  private static final int MAX_FILE_NAME = 255;

  private final SettlementStore store;
  private final CountyProperties county;
  private final ScreeningProperties properties;

  MedicalFileImport(SettlementStore store, CountyProperties county, ScreeningProperties properties) {
    this.store = store;
    this.county = county;
    this.properties = properties;
  }

  /**
   * What an import did.
   *
   * @param alreadyImported the same file (same SHA-256) was imported before: nothing changed,
   *     and the figures are those of that earlier import
   * @param rows data rows of the file (the header and blank rows not counted)
   * @param accepted good rows, including settlements already known
   * @param newSettlements good rows whose settlement was new
   * @param rejectedCount all bad rows
   * @param rejected the first bad rows (at most {@code jiuji.screening.rejected-list-limit})
   */
  public record Result(boolean alreadyImported, long fileId, String sha256, String fileName,
      String importedBy, Instant importedAt, int rows, int accepted, int newSettlements,
      int rejectedCount, List<RejectedRow> rejected) {}

  /**
   * Imports a file.
   *
   * @param file the uploaded content (read several times: hash, character set, rows, archive)
   * @param fileName the name the user gave it, for the format and the archive
   * @param user who imports it, or null for the system
   * @throws ApiException 400 with a Chinese message for an empty, unsupported or headerless file
   */
  public Result importFile(Path file, String fileName, String user) {
    try {
      if (Files.size(file) == 0) {
        throw ApiException.badRequest("上传的文件是空的");
      }
      String sha256 = sha256(file);
      var earlier = store.findFile(sha256);
      if (earlier.isPresent()) {
        var e = earlier.get();
        LOG.info("{} is the same file as import {} ({}): nothing imported", fileName, e.id(), e.fileName());
        return new Result(true, e.id(), sha256, e.fileName(), e.importedBy(), e.importedAt(), e.rows(),
            e.accepted(), e.newSettlements(), e.rejected(), List.of());
      }
      MedicalFileReader.Kind kind = MedicalFileReader.detect(file, fileName);
      long fileId = store.nextFileId();
      Rows rows = new Rows(fileId);
      long started = System.nanoTime();
      MedicalFileReader.read(file, kind, rows::row);
      rows.flush();
      if (rows.parser == null) {
        throw ApiException.badRequest("文件中没有任何内容（缺少表头行）");
      }
      int newSettlements = store.newSettlements(fileId);
      String name = fileName == null || fileName.isBlank() ? "未命名文件" : fileName;
      var record = new SettlementStore.ArchivedFile(fileId, sha256,
          name.length() > MAX_FILE_NAME ? name.substring(0, MAX_FILE_NAME) : name, user,
          ClockUtil.getCurrentTime().toInstant(), rows.count, rows.accepted, newSettlements, rows.rejectedCount);
      store.archive(record, kind.format().name(), kind.charset() == null ? null : kind.charset().name(), file);
      LOG.info("Imported {} ({} {}): {} rows, {} accepted ({} new settlements), {} rejected in {} ms",
          name, kind.format(), kind.charset() == null ? "" : kind.charset(), rows.count, rows.accepted,
          newSettlements, rows.rejectedCount, (System.nanoTime() - started) / 1_000_000);
      return new Result(false, fileId, sha256, record.fileName(), user, record.importedAt(), rows.count,
          rows.accepted, newSettlements, rows.rejectedCount, List.copyOf(rows.rejected));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rows of one file: the header first, then data rows collected into batches. */
  private final class Rows {
    private final long fileId;
    private final List<Settlement> batch = new ArrayList<>();
    private final List<RejectedRow> rejected = new ArrayList<>();
    private SettlementParser parser;
    private int count;
    private int accepted;
    private int rejectedCount;

    Rows(long fileId) {
      this.fileId = fileId;
    }

    void row(long row, List<String> cells) {
      if (parser == null) {
        if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
          return;
        }
        parser = SettlementParser.forHeader(county, cells);
        return;
      }
      var parsed = parser.parse(cells);
      if (parsed.isEmpty()) {
        return;
      }
      count++;
      if (parsed.get().settlement() == null) {
        rejectedCount++;
        if (rejected.size() < properties.rejectedListLimit()) {
          rejected.add(new RejectedRow(row, parsed.get().reason()));
        }
        return;
      }
      accepted++;
      batch.add(parsed.get().settlement());
      if (batch.size() >= properties.batchSize()) {
        flush();
      }
    }

    void flush() {
      if (!batch.isEmpty()) {
        store.insert(batch, fileId);
        batch.clear();
      }
    }
  }

  static String sha256(Path file) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
