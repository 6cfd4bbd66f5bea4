package cn.jiuji.screening;

import cn.jiuji.base.CountyClock;
import cn.jiuji.base.RuleBreak;
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
 *
 * <p>The flow: the format and character set are told once from the file's beginning; one read
 * loads the rows, and ends as one of the {@link Loaded} outcomes. A new file (the common case, a
 * new month) is stored by the fastest path; only when that path meets a settlement stored before
 * is the file read a second time, into the path that leaves known settlements out.
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
  private final CountyClock clock;

  MedicalFileImport(SettlementStore store, CountyProperties county, ScreeningProperties properties,
      CountyClock clock) {
    this.store = store;
    this.clock = clock;
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
      String charset = kind.charset() == null ? null : kind.charset().name();
      long fileId = store.nextFileId();
      String name = fileName == null || fileName.isBlank() ? "未命名文件" : fileName;
      String archivedName = name.length() > MAX_FILE_NAME ? name.substring(0, MAX_FILE_NAME) : name;
      Instant importedAt = clock.now();
      long size = Files.size(file);
      long started = System.nanoTime();
      Function<Rows, SettlementStore.FileRecord> record = rows -> new SettlementStore.FileRecord(fileId,
          hash.join(), archivedName, user, importedAt, rows.count, rows.accepted, rows.rejectedCount,
          kind.format().name(), charset, size, compressed.join());
      Loaded loaded = load(file, kind, fileId, true, hash, record);
      if (loaded instanceof Loaded.KnownSettlement) {
        LOG.debug("{}: holds settlements stored before or twice, found after {} ms: read again into staging",
            fileName, (System.nanoTime() - started) / 1_000_000);
        loaded = load(file, kind, fileId, false, hash, record);
      }
      if (loaded instanceof Loaded.SameFile same) {
        var earlier = same.earlier();
        LOG.info("{} is the same file as import {} ({}): nothing imported", fileName, earlier.id(),
            earlier.fileName());
        return new Result(true, earlier.id(), earlier.sha256(), earlier.fileName(), earlier.importedBy(),
            earlier.importedAt(), earlier.rows(), earlier.accepted(), earlier.newSettlements(),
            earlier.rejected(), List.of());
      }
      if (!(loaded instanceof Loaded.Imported imported)) {
        throw new IllegalStateException("Loading into staging cannot meet a known settlement: " + loaded);
      }
      var stored = imported.file();
      LOG.info("Imported {} ({} {}): {} rows, {} accepted ({} new settlements), {} rejected in {} ms",
          name, kind.format(), charset == null ? "" : charset, stored.rows(), stored.accepted(),
          stored.newSettlements(), stored.rejected(), (System.nanoTime() - started) / 1_000_000);
      return new Result(false, fileId, stored.sha256(), stored.fileName(), user, importedAt, stored.rows(),
          stored.accepted(), stored.newSettlements(), stored.rejected(), imported.rejected());
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

  /** How one read of the file into a loader ended. */
  private sealed interface Loaded {
    /** Stored: the file's record as archived, and the first bad rows. */
    record Imported(SettlementStore.ArchivedFile file, List<RejectedRow> rejected) implements Loaded {}

    /** The file was imported before (same SHA-256): nothing of it is stored. */
    record SameFile(SettlementStore.ArchivedFile earlier) implements Loaded {}

    /** The fast path met a settlement stored before, or one twice: nothing is stored. */
    record KnownSettlement() implements Loaded {}
  }

  /**
   * Reads the file into a loader and archives it with its rows; with {@code allNew} the store may
   * take its faster path, which ends as {@link Loaded.KnownSettlement} when the file holds a
   * settlement stored before. Before the rows are committed, and while they load as soon as the
   * hash is known, a file imported before ends the read as {@link Loaded.SameFile}.
   */
  private Loaded load(Path file, MedicalFileReader.Kind kind, long fileId, boolean allNew,
      CompletableFuture<String> hash, Function<Rows, SettlementStore.FileRecord> record) throws IOException {
    try (SettlementStore.Loader loader = store.open(fileId, properties.batchSize(), allNew)) {
      Rows rows = new Rows(loader, hash);
      MedicalFileReader.read(file, kind, rows::row);
      if (rows.parser == null) {
        throw RuleBreak.badRequest("文件中没有任何内容（缺少表头行）");
      }
      Loaded known = rows.knownFileOrSettlement(hash.join());
      if (known != null) {
        return known;
      }
      SettlementStore.Finish finish = loader.finish(() -> record.apply(rows));
      if (finish instanceof SettlementStore.Finish.Archived archived) {
        return new Loaded.Imported(archived.file(), List.copyOf(rows.rejected));
      }
      if (finish instanceof SettlementStore.Finish.KnownSettlement) {
        return new Loaded.KnownSettlement();
      }
      // archived meanwhile: the same file, imported at the same moment by someone else
      return store.findFile(hash.join()).<Loaded>map(Loaded.SameFile::new).orElseThrow(() ->
          RuleBreak.conflict("同一文件刚刚由他人导入，请在导入记录中查看结果"));
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
    private final java.time.LocalDate importDay = clock.today();
    private boolean checked;
    /** The same file imported before, found while reading: the read stopped there. */
    private SettlementStore.ArchivedFile earlier;

    Rows(SettlementStore.Loader loader, CompletableFuture<String> hash) {
      this.loader = loader;
      this.hash = hash;
    }

    /** Whether the read ends without storing: the file was imported before, or the fast path met a known settlement. */
    Loaded knownFileOrSettlement(String sha256) {
      if (earlier == null) {
        checked = true;
        earlier = store.findFile(sha256).orElse(null);
      }
      if (earlier != null) {
        return new Loaded.SameFile(earlier);
      }
      return loader.holdsKnownSettlement() ? new Loaded.KnownSettlement() : null;
    }

    /** Takes one row; false when the rest of the file need not be read. */
    boolean row(long row, List<String> cells) {
      if (parser == null) {
        if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
          return true;
        }
        parser = SettlementParser.forHeader(county, cells, importDay);
        return true;
      }
      var parsed = parser.parse(cells);
      if (parsed.isEmpty()) {
        return true;
      }
      count++;
      if ((count & CHECK_EVERY) == 0 && (loader.holdsKnownSettlement()
          || !checked && hash.isDone() && knownFileOrSettlement(hash.join()) != null)) {
        return false;
      }
      if (parsed.get().settlement() == null) {
        rejectedCount++;
        if (rejected.size() < properties.rejectedListLimit()) {
          rejected.add(new RejectedRow(row, parsed.get().reason()));
        }
        return true;
      }
      accepted++;
      loader.add(parsed.get().settlement());
      return true;
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
