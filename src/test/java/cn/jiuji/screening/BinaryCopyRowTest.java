package cn.jiuji.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bytes of the binary COPY format against what PostgreSQL's numeric_send, date_send and
 * textsend write for the same values (taken from {@code SELECT numeric_send(17939.87::numeric(14,2))}
 * and the like); the import tests on PostgreSQL read them back through the database.
 */
class BinaryCopyRowTest {

  /** What the import writes to PostgreSQL for the row. */
  static String hex(BinaryCopyRow row) {
    var written = new ByteArrayOutputStream();
    try {
      row.writeTo(written);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HexFormat.of().formatHex(written.toByteArray());
  }

  @ParameterizedTest(name = "{0} fen")
  @CsvSource({
      // fen, length + ndigits weight sign dscale digits…
      "0,          00000008 0000 0000 0000 0002",
      "5,          0000000a 0001 ffff 0000 0002 01f4",
      "100,        0000000a 0001 0000 0000 0002 0001",
      "1793987,    0000000e 0003 0001 0000 0002 0001 1f03 21fc",
      "1000000,    0000000a 0001 0001 0000 0002 0001",
      "99999999999999, 00000010 0004 0002 0000 0002 270f 270f 270f 26ac",
      "-12345,     0000000c 0002 0000 4000 0002 007b 1194"})
  void writesAmountsAsPostgresNumerics(long fen, String expected) {
    assertThat(hex(new BinaryCopyRow().start(1).fen(fen))).isEqualTo("0001" + expected.replace(" ", ""));
  }

  @Test
  void writesDatesAsDaysFrom2000() {
    assertThat(hex(new BinaryCopyRow().start(2).date(LocalDate.of(2000, 1, 1)).date(LocalDate.of(2025, 10, 9))))
        .isEqualTo("0002" + "00000004" + "00000000" + "00000004" + "000024c5");
    assertThat(hex(new BinaryCopyRow().start(1).date(LocalDate.of(1999, 12, 31)))).isEqualTo("0001" + "00000004" + "ffffffff");
  }

  @Test
  void writesTextAsUtf8WithItsLengthAndNullAsMinusOne() {
    assertThat(hex(new BinaryCopyRow().start(3).text("a\tb").text("颜").text(null)))
        .isEqualTo("0003" + "00000003" + "610962" + "00000003" + "e9a29c" + "ffffffff");
  }

  @Test
  void startsEachRowAfresh() {
    BinaryCopyRow row = new BinaryCopyRow();
    row.start(1).text("a long first value that needs room");
    assertThat(hex(row.start(1).int8(7))).isEqualTo("0001" + "00000008" + "0000000000000007");
  }
}
