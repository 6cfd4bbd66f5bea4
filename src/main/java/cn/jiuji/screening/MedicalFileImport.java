package cn.jiuji.screening;

import cn.jiuji.assistance.RuleBreak;
import cn.jiuji.identity.CountyProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
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
 * <p>On PostgreSQL the rows go through binary COPY, and the archive record with them, in one
 * transaction; on H2 through JDBC batches committed one by one, the record last. Either way an
 * import that breaks off has no record, so the same file can simply be imported again.
 */
@Component
public class MedicalFileImport {

  private static final Logger LOG = LoggerFactory.getLogger(MedicalFileImport.class);
  private static final int MAX_FILE_NAME = 255;
  /** Every 65,536 rows the import looks whether the hash is known and the file imported before. */
  private static final int CHECK_EVERY = (1 << 16) - 1;

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
   * @throws RuleBreak with a Chinese message for an empty, unsupported or headerless file
   */
  public Result importFile(Path file, String fileName, String user) {
    CompletableFuture<Path> archive = null;
    try {
      if (Files.size(file) == 0) {
        throw RuleBreak.badRequest("上传的文件是空的");
      }
      // the hash, then the compressed copy for the archive, on another thread while the rows
      // load: one pass over the file on this thread, the parse
      CompletableFuture<String> hash = CompletableFuture.supplyAsync(() -> sha256(file));
      CompletableFuture<Path> compressed = hash.thenApplyAsync(h -> SettlementStore.compress(file));
      archive = compressed;  // deleted whatever happens
      MedicalFileReader.Kind kind = MedicalFileReader.detect(file, fileName);
      long fileId = store.nextFileId();
      String name = fileName == null || fileName.isBlank() ? "未命名文件" : fileName;
      String archivedName = name.length() > MAX_FILE_NAME ? name.substring(0, MAX_FILE_NAME) : name;
      Instant importedAt = ClockUtil.getCurrentTime().toInstant();
      long size = Files.size(file);
      long started = System.nanoTime();
      Loaded loaded = null;
      boolean allNew = true;
      while (loaded == null) {
        MedicalFileReader.Kind read = kind;
        try {
          loaded = load(file, read, fileId, allNew, hash, rows -> new SettlementStore.FileRecord(fileId,
              hash.join(), archivedName, user, importedAt, rows.count, rows.accepted, rows.rejectedCount,
              read.format().name(), read.charset() == null ? null : read.charset().name(), size, compressed.join()));
        } catch (SettlementStore.KnownSettlement e) {
          LOG.debug("{}: holds settlements stored before or twice, found after {} ms: read again into staging",
              fileName, (System.nanoTime() - started) / 1_000_000);
          allNew = false;
        } catch (MedicalFileReader.NotUtf8 e) {
          kind = MedicalFileReader.gbk(kind);
        } catch (SameFile e) {
          var earlier = e.earlier;
          LOG.info("{} is the same file as import {} ({}): nothing imported", fileName, earlier.id(),
              earlier.fileName());
          return new Result(true, earlier.id(), earlier.sha256(), earlier.fileName(), earlier.importedBy(),
              earlier.importedAt(), earlier.rows(), earlier.accepted(), earlier.newSettlements(),
              earlier.rejected(), List.of());
        }
      }
      var record = loaded.file();
      LOG.info("Imported {} ({} {}): {} rows, {} accepted ({} new settlements), {} rejected in {} ms",
          name, kind.format(), kind.charset() == null ? "" : kind.charset(), record.rows(), record.accepted(),
          record.newSettlements(), record.rejected(), (System.nanoTime() - started) / 1_000_000);
      return new Result(false, fileId, record.sha256(), record.fileName(), user, importedAt, record.rows(),
          record.accepted(), record.newSettlements(), record.rejected(), loaded.rejected());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    } finally {
      if (archive != null) {
        archive.thenAccept(MedicalFileImport::delete);
      }
    }
  }

  /** The file was imported before (same SHA-256): what was loaded of it is rolled back. */
  private static final class SameFile extends RuntimeException {
    private final SettlementStore.ArchivedFile earlier;

    SameFile(SettlementStore.ArchivedFile earlier) {
      super("Imported before", null, false, false);
      this.earlier = earlier;
    }
  }

  /** What one import stored: the file's record as archived, and the first bad rows. */
  private record Loaded(SettlementStore.ArchivedFile file, List<RejectedRow> rejected) {}

  /**
   * Reads the file into a loader and archives it with its rows; with {@code allNew} the store may
   * take its faster path and throw {@link SettlementStore.KnownSettlement}, after which nothing of
   * the file is stored. Before the rows are committed, and while they load as soon as the hash is
   * known, a file imported before is told by {@link SameFile}: a repeated file changes nothing.
   */
  private Loaded load(Path file, MedicalFileReader.Kind kind, long fileId, boolean allNew,
      CompletableFuture<String> hash, Function<Rows, SettlementStore.FileRecord> record) throws IOException {
    try (SettlementStore.Loader loader = store.open(fileId, properties.batchSize(), allNew)) {
      Rows rows = new Rows(loader, hash);
      MedicalFileReader.read(file, kind, rows::row);
      if (rows.parser == null) {
        throw RuleBreak.badRequest("文件中没有任何内容（缺少表头行）");
      }
      rows.checkNotImportedBefore(hash.join());
      try {
        return new Loaded(loader.finish(() -> record.apply(rows)), List.copyOf(rows.rejected));
      } catch (SettlementStore.AlreadyArchived e) {
        // the same file, imported at the same moment by someone else: report that import
        rows.checkNotImportedBefore(hash.join());
        throw RuleBreak.conflict(
            "同一文件刚刚由他人导入，请在导入记录中查看结果");
      }
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("Cannot delete the temporary file {}", file, e);
    }
  }

  /** The rows of one file: the header first, then data rows for the loader. */
  private final class Rows {
    private final SettlementStore.Loader loader;
    private final List<RejectedRow> rejected = new ArrayList<>();
    private SettlementParser parser;
    private int count;
    private int accepted;
    private int rejectedCount;
    private final CompletableFuture<String> hash;
    private boolean checked;

    Rows(SettlementStore.Loader loader, CompletableFuture<String> hash) {
      this.loader = loader;
      this.hash = hash;
    }

    void checkNotImportedBefore(String sha256) {
      checked = true;
      var earlier = store.findFile(sha256);
      if (earlier.isPresent()) {
        throw new SameFile(earlier.get());
      }
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
      if (!checked && (count & CHECK_EVERY) == 0 && hash.isDone()) {
        checkNotImportedBefore(hash.join());
      }
      if (parsed.get().settlement() == null) {
        rejectedCount++;
        if (rejected.size() < properties.rejectedListLimit()) {
          rejected.add(new RejectedRow(row, parsed.get().reason()));
        }
        return;
      }
      accepted++;
      loader.add(parsed.get().settlement());
    }
  }

  /** The file's SHA-256 in hex. */
  static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
