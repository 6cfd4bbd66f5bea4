package cn.jiuji.screening;

import cn.jiuji.base.RuleBreak;
import com.github.pjfanning.poi.xssf.streaming.TempFileSharedStringsTable;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CoderResult;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLStreamException;
import org.apache.poi.hssf.usermodel.HSSFRichTextString;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the rows of a medical-insurance file (SPEC §5) one at a time, whatever its format: CSV in
 * UTF-8 (with or without BOM) or GBK, or XLSX (first sheet). Nothing keeps the whole file in
 * memory: CSV is parsed from a stream, XLSX with POI's SAX-based event API and its shared strings
 * in a temporary file. The bank's returns of the payment lists (SPEC §8) come in the same formats
 * and are read here too.
 */
public final class MedicalFileReader {

  public enum Format { CSV, XLSX }

  /**
   * What a file is.
   *
   * @param charset for CSV: UTF-8, or GB18030 (the superset of GBK that decodes every GBK file
   *     the same and also the rare characters of names that GBK lacks)
   * @param skip bytes to skip before the text: the UTF-8 BOM
   */
  public record Kind(Format format, Charset charset, int skip) {}

  /** Receives the rows in file order; blank CSV lines are passed on too (they have a row number). */
  public interface RowHandler {
    /**
     * @param row the row number as Excel shows it: the first row is 1
     * @return whether to go on: false stops the reading, the rest of the file is not read
     */
    boolean row(long row, List<String> cells);
  }

  public static final Charset GBK = Charset.forName("GB18030");
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final byte[] ZIP = {'P', 'K', 3, 4};
  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
  /**
   * How much of a CSV file tells its character set: the header row (Chinese, SPEC §5) and the
   * first few hundred rows, whose names are Chinese too. GBK's Chinese byte pairs are almost never
   * valid UTF-8, so a GBK file fails as UTF-8 on its first line.
   */
  private static final int CHARSET_SAMPLE = 1 << 16;

  private MedicalFileReader() {}

  /**
   * Tells the format from the content (a renamed file is still read right) and the name, and for
   * CSV the character set, once, from the file's beginning: a BOM means UTF-8; else UTF-8 when the
   * beginning is valid UTF-8, GBK when it is not.
   */
  public static Kind detect(Path file, String fileName) throws IOException {
    byte[] head = new byte[CHARSET_SAMPLE];
    int n;
    boolean whole;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
      whole = in.read() < 0;
    }
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    if (n >= 4 && Arrays.equals(head, 0, 4, ZIP, 0, 4)) {
      return new Kind(Format.XLSX, null, 0);
    }
    if (n >= 4 && Arrays.equals(head, 0, 4, OLE2, 0, 4)) {
      throw RuleBreak.badRequest("不支持旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV 后再导入");
    }
    if (name.endsWith(".xlsx")) {
      throw RuleBreak.badRequest("文件“" + fileName + "”不是有效的 .xlsx 文件，可能已损坏");
    }
    if (!(name.endsWith(".csv") || name.endsWith(".txt") || !name.contains("."))) {
      throw RuleBreak.badRequest("不支持的文件类型“" + fileName + "”：请上传 CSV（UTF-8 或 GBK 编码）或 Excel（.xlsx）文件");
    }
    if (n >= 3 && head[0] == UTF8_BOM[0] && head[1] == UTF8_BOM[1] && head[2] == UTF8_BOM[2]) {
      return new Kind(Format.CSV, StandardCharsets.UTF_8, 3);
    }
    return new Kind(Format.CSV, isUtf8(head, n, whole) ? StandardCharsets.UTF_8 : GBK, 0);
  }

  /**
   * Whether the bytes decode as UTF-8. A sample cut off in the middle of a character is not an
   * error: only the file's real end must end a character.
   */
  private static boolean isUtf8(byte[] bytes, int length, boolean endOfFile) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    CoderResult result = decoder.decode(ByteBuffer.wrap(bytes, 0, length), CharBuffer.allocate(length), endOfFile);
    return !result.isError() && (!endOfFile || !decoder.flush(CharBuffer.allocate(1)).isError());
  }

  public static void read(Path file, Kind kind, RowHandler handler) throws IOException {
    if (kind.format() == Format.XLSX) {
      readXlsx(file, handler);
    } else {
      readCsv(file, kind, handler);
    }
  }

  private static void readCsv(Path file, Kind kind, RowHandler handler) throws IOException {
    InputStream in = Files.newInputStream(file);
    in.skipNBytes(kind.skip());
    // UTF-8 strictly: a file that began as UTF-8 and goes on in another character set is refused
    // rather than stored with replacement characters
    CharsetDecoder decoder = kind.charset().newDecoder()
        .onMalformedInput(kind.charset() == StandardCharsets.UTF_8 ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    // blank lines are kept so that record numbers stay Excel's row numbers; rows with fewer or
    // more cells than the header are the parser's to report, not the reader's
    try (CsvReader<CsvRecord> csv = CsvReader.builder().skipEmptyLines(false).allowMissingFields(true)
        .allowExtraFields(true).ofCsvRecord(new InputStreamReader(in, decoder))) {
      long row = 0;
      try {
        Iterator<CsvRecord> records = csv.iterator();
        while (records.hasNext()) {
          CsvRecord record = records.next();
          row++;
          if (!records.hasNext() && spansLines(record)) {
            // a quote opened and never closed swallows the rest of the file into one cell (no
            // column of SPEC §5 holds a line break)
            throw unclosedQuote(row);
          }
          if (!handler.row(row, record.getFields())) {
            return;
          }
        }
      } catch (UncheckedIOException | CsvParseException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
          if (cause instanceof CharacterCodingException) {
            throw RuleBreak.badRequest("CSV 文件开头是 UTF-8 编码，后面却有不是 UTF-8 的内容："
                + "整个文件必须使用同一种编码（UTF-8 或 GBK），请另存后重新导入");
          }
        }
        if (e instanceof UncheckedIOException io) {
          throw io;
        }
        throw RuleBreak.badRequest("CSV 文件第 " + (row + 1) + " 行格式错误（引号之后紧跟着其他字符，"
            + "例如 \"abc\"def），请修正后重新导入");
      }
    }
  }

  private static boolean spansLines(CsvRecord record) {
    for (String cell : record.getFields()) {
      if (cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
        return true;
      }
    }
    return false;
  }

  private static RuleBreak unclosedQuote(long row) {
    return RuleBreak.badRequest("CSV 文件第 " + row + " 行的引号没有成对（从这里到文件末尾都成了一个单元格），"
        + "请修正后重新导入");
  }

  private static void readXlsx(Path file, RowHandler handler) throws IOException {
    // the shared strings (every distinct text of the workbook: Excel and WPS keep each text cell
    // there, so a month's file has a million settlement ids in it) go to a temporary file, not the
    // heap; unencrypted, as the uploaded file itself lies next to it. Read here rather than by the
    // table's constructor, which leaves its file behind when the part is broken.
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        TempFileSharedStringsTable strings = new TempFileSharedStringsTable(false, false)) {
      List<PackagePart> sharedStrings = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
      if (!sharedStrings.isEmpty()) {
        try (InputStream in = sharedStrings.get(0).getInputStream()) {
          strings.readFrom(in);
        } catch (IOException e) {
          if (e.getCause() instanceof XMLStreamException broken) {
            throw RuleBreak.badRequest("无法读取 Excel 文件（文件可能已损坏）：" + broken.getMessage());
          }
          throw e;
        }
      }
      XSSFReader reader = new XSSFReader(pkg);
      StylesTable styles = reader.getStylesTable();
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      if (!sheets.hasNext()) {
        throw RuleBreak.badRequest("Excel 文件中没有工作表");
      }
      try (InputStream sheet = sheets.next()) {
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, new PlainStrings(strings),
            new SheetRows(handler), new PlainFormatter(), false));
        try {
          parser.parse(new InputSource(sheet));
        } catch (StopReading stop) {
          // the handler has what it needs: the rest of the sheet is not read
        } catch (SAXException e) {
          if (!(e.getException() instanceof StopReading)) {
            throw e;
          }
        }
      }
    } catch (InvalidFormatException | org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException e) {
      throw RuleBreak.badRequest("文件不是有效的 Excel（.xlsx）文件：" + e.getMessage());
    } catch (SAXException e) {
      if (e.getException() instanceof RuntimeException handlerFailed) {
        // thrown by the row handler (the store), not a broken file
        throw handlerFailed;
      }
      throw RuleBreak.badRequest("无法读取 Excel 文件（文件可能已损坏）：" + e.getMessage());
    } catch (OpenXML4JException | ParserConfigurationException e) {
      throw RuleBreak.badRequest("无法读取 Excel 文件（文件可能已损坏）：" + e.getMessage());
    } catch (IOException e) {
      // POI's ZipSecureFile stops a part that inflates beyond its minimum ratio with a plain
      // IOException: its message is the only mark it leaves
      if (e.getMessage() != null && e.getMessage().startsWith(ZIP_BOMB)) {
        throw RuleBreak.badRequest("Excel 文件解压后异常膨胀（压缩比超出安全限度），可能是恶意构造的文件，未导入任何内容；"
            + "请从医保系统重新导出后再导入");
      }
      throw e;
    }
  }

  private static final String ZIP_BOMB = "Zip bomb detected";

  /**
   * The texts of the shared strings table without formatting: the table's own lookup wraps each
   * in an XSSFRichTextString, an XMLBeans object, that the sheet handler only turns back into its
   * text (a quarter of the reading time of a month's file); POI's rich text of the old format is a
   * plain Java object. A cell that refers to an entry the table lacks means a broken file.
   */
  private record PlainStrings(TempFileSharedStringsTable table) implements SharedStrings {
    @Override
    public RichTextString getItemAt(int idx) {
      try {
        return new HSSFRichTextString(table.getString(idx));
      } catch (NoSuchElementException e) {
        throw RuleBreak.badRequest("无法读取 Excel 文件（文件已损坏）：单元格引用的共享字符串（编号 " + idx + "）不存在");
      }
    }

    @Override
    public int getCount() {
      return table.getCount();
    }

    @Override
    public int getUniqueCount() {
      return table.getUniqueCount();
    }
  }

  /** Ends the SAX parse of a sheet when the row handler needs no more rows (see {@link SheetRows#endRow}). */
  private static final class StopReading extends RuntimeException {
    StopReading() {
      super("Stop reading", null, false, false);
    }
  }

  /** Collects the cells of each row by their column letter: empty cells are simply absent. */
  private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final RowHandler handler;
    private final List<String> cells = new ArrayList<>();

    SheetRows(RowHandler handler) {
      this.handler = handler;
    }

    @Override
    public void startRow(int rowNum) {
      cells.clear();
    }

    @Override
    public void endRow(int rowNum) {
      if (!handler.row(rowNum + 1L, List.copyOf(cells))) {
        // SAX has one way to end a parse early: an exception out of the content handler
        throw new StopReading();
      }
    }

    @Override
    public void cell(String reference, String value, XSSFComment comment) {
      int column = reference == null ? cells.size() : column(reference);
      while (cells.size() < column) {
        cells.add("");
      }
      cells.add(value == null ? "" : value);
    }

    /** The column of a cell reference such as "K12" (CellReference's own parse is a regex, a tenth of the reading time). */
    private static int column(String reference) {
      int letters = 0;
      while (letters < reference.length() && Character.isLetter(reference.charAt(letters))) {
        letters++;
      }
      return CellReference.convertColStringToIndex(reference.substring(0, letters));
    }
  }

  /**
   * Numbers as their plain value and dates as yyyy-MM-dd, whatever the cell's display format
   * (a "#,##0.00" amount or a "2025年3月1日" date is the same value to us).
   */
  static final class PlainFormatter extends DataFormatter {
    // whether a format is a date's, by its index in the workbook (one formatter per workbook):
    // DateUtil remembers only the last format, and dates and amounts alternate in every row
    private final Map<Integer, Boolean> dateFormats = new HashMap<>();

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
      return formatRawCellContents(value, formatIndex, formatString, false);
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
      boolean date = dateFormats.computeIfAbsent(formatIndex, index -> DateUtil.isADateFormat(index, formatString));
      if (date && DateUtil.isValidExcelDate(value)) {
        return DateUtil.getLocalDateTime(value, use1904).toLocalDate().toString();
      }
      return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
  }
}
