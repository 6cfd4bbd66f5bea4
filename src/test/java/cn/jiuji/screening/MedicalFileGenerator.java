package cn.jiuji.screening;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes realistic medical-insurance files (SPEC §5) of any size, for trying the import by hand
 * and for the benchmark: households of one to six members under a head, Chinese names, valid
 * citizen IDs, the county's townships (from application.yaml), settlements over the last three
 * calendar years, mostly small outpatient bills, some hospital stays, and a few families with a
 * serious illness whose self-paid costs reach the thresholds. A chosen share of rows is broken in
 * one of the ways the import reports.
 *
 * <pre>
 * java ... cn.jiuji.screening.MedicalFileGenerator ROWS BAD_SHARE FORMAT OUTPUT [SEED]
 *   FORMAT: csv-utf8 | csv-utf8-bom | csv-gbk | xlsx | xlsx-inline-strings     e.g. 100000 0.02 csv-gbk /tmp/medical.csv
 *   (xlsx: texts in the shared strings table, as Excel saves them; a million rows need -Xmx2g)
 * </pre>
 */
public final class MedicalFileGenerator {

  private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤颜连涂";
  private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志红春梅海燕文斌辉鹏飞宇浩然子涵欣怡思雨佳琪嘉俊晓东永福金水荣发德胜瑞阿珠月凤美玲秋菊冬生水生来福";
  private static final String[] VILLAGES = {"泗滨村", "浔东社区", "龙阆村", "南埕村", "水口村", "赤水村", "盖德村",
      "上涌村", "葛坑村", "杨梅村", "汤头村", "桂阳村", "国宝村", "美湖村", "大铭村", "春美村", "丁墘社区", "宝美村"};
  private static final String[] CATEGORIES = {"普通", "低保", "特困", "脱贫户", "低保边缘"};
  private static final int[] AREA_CODES = {350526, 350524, 350583, 350502, 350503};

  private final SplittableRandom random;
  private final List<String> townships;
  private final double badShare;
  private final LocalDate from;
  private final int days;
  private long nextSettlement;

  MedicalFileGenerator(long seed, List<String> townships, double badShare, LocalDate today) {
    this.random = new SplittableRandom(seed);
    this.townships = townships;
    this.badShare = badShare;
    this.from = LocalDate.of(today.getYear() - 2, 1, 1);
    this.days = (int) (today.toEpochDay() - from.toEpochDay());
    this.nextSettlement = 1 + random.nextLong(1_000_000L);
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 4) {
      System.err.println("usage: MedicalFileGenerator ROWS BAD_SHARE csv-utf8|csv-utf8-bom|csv-gbk|xlsx|xlsx-inline-strings OUTPUT [SEED]");
      System.exit(2);
    }
    long rows = Long.parseLong(args[0]);
    double badShare = Double.parseDouble(args[1]);
    MedicalFiles.Format format = MedicalFiles.Format.valueOf(args[2].toUpperCase(Locale.ROOT).replace('-', '_'));
    Path output = Path.of(args[3]);
    long seed = args.length > 4 ? Long.parseLong(args[4]) : 20240101L;
    generate(rows, badShare, format, output, seed, LocalDate.now());
    System.out.println("wrote " + rows + " rows to " + output);
  }

  static void generate(long rows, double badShare, MedicalFiles.Format format, Path output, long seed,
      LocalDate today) throws IOException {
    var generator = new MedicalFileGenerator(seed, countyTownships(), badShare, today);
    MedicalFiles.write(output, format, MedicalFiles.HEADER, generator.rows(rows));
  }

  /** The township names of jiuji.county in application.yaml: the same data the import checks against. */
  @SuppressWarnings("unchecked")
  static List<String> countyTownships() throws IOException {
    try (InputStream in = MedicalFileGenerator.class.getResourceAsStream("/application.yaml")) {
      Map<String, Object> yaml = new Yaml().load(in);
      Map<String, Object> county = (Map<String, Object>) ((Map<String, Object>) yaml.get("jiuji")).get("county");
      return ((List<Map<String, String>>) county.get("townships")).stream().map(t -> t.get("name")).toList();
    }
  }

  /** The rows, made one household at a time as they are written: nothing is kept. */
  Iterator<List<String>> rows(long count) {
    return new Iterator<>() {
      private final List<List<String>> household = new ArrayList<>();
      private long written;

      @Override
      public boolean hasNext() {
        return written < count;
      }

      @Override
      public List<String> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        if (household.isEmpty()) {
          household.addAll(household());
        }
        written++;
        List<String> row = household.remove(household.size() - 1);
        return random.nextDouble() < badShare ? breakRow(row) : row;
      }
    };
  }

  private List<List<String>> household() {
    String headId = idNumber();
    String headName = name();
    String township = townships.get(random.nextInt(townships.size()));
    String village = VILLAGES[random.nextInt(VILLAGES.length)];
    // 1 in 10 households has a category, and members' rows do not always say it
    String category = random.nextInt(10) == 0 ? CATEGORIES[1 + random.nextInt(CATEGORIES.length - 1)] : "普通";
    // about 1 in 400 households has a member with a serious illness: large bills two years running
    boolean serious = random.nextInt(400) == 0;
    int members = 1 + random.nextInt(6);
    List<List<String>> rows = new ArrayList<>();
    for (int m = 0; m < members; m++) {
      String id = m == 0 ? headId : idNumber();
      String name = m == 0 ? headName : headName.charAt(0) + name().substring(1);
      int settlements = 1 + random.nextInt(m == 0 && serious ? 30 : 6);
      for (int s = 0; s < settlements; s++) {
        double total = m == 0 && serious ? 5_000 + random.nextDouble() * 60_000
            : random.nextInt(20) == 0 ? 3_000 + random.nextDouble() * 30_000 : 30 + random.nextDouble() * 1_500;
        double selfPaid = total * (0.1 + random.nextDouble() * 0.5);
        rows.add(new ArrayList<>(List.of(settlementId(), id, name, headId, headName, township, village,
            random.nextInt(3) == 0 ? "" : category, from.plusDays(random.nextInt(days + 1)).toString(),
            money(total), money(selfPaid))));
      }
    }
    return rows;
  }

  /** One of the faults the import reports (SPEC §5). */
  private List<String> breakRow(List<String> row) {
    switch (random.nextInt(8)) {
      case 0 -> row.set(1, row.get(1).substring(0, 17) + (row.get(1).charAt(17) == '1' ? '2' : '1'));
      case 1 -> row.set(5, "泉港镇");
      case 2 -> row.set(10, "-" + row.get(10));
      case 3 -> row.set(10, money(Double.parseDouble(row.get(9)) + 100));
      case 4 -> row.set(8, row.get(8).substring(0, 5) + "13-01");
      case 5 -> row.set(9, "约" + row.get(9));
      case 6 -> row.set(2, "");
      default -> row.set(7, "五保户");
    }
    return row;
  }

  private String settlementId() {
    String digits = Long.toString(nextSettlement++);
    return "JS" + "0".repeat(Math.max(0, 12 - digits.length())) + digits;
  }

  private String name() {
    StringBuilder name = new StringBuilder().append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
    int given = 1 + random.nextInt(2);
    for (int i = 0; i < given; i++) {
      name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
    }
    return name.toString();
  }

  /** A checksum-valid citizen ID (GB 11643-1999): area, birth date, serial, check character. */
  private String idNumber() {
    LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 80));
    String body = AREA_CODES[random.nextInt(AREA_CODES.length)]
        + birth.toString().replace("-", "") + (1000 + random.nextInt(1000) + "").substring(1);
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (body.charAt(i) - '0') * weights[i];
    }
    return body + "10X98765432".charAt(sum % 11);
  }

  private static String money(double yuan) {
    long fen = Math.round(yuan * 100);
    long part = Math.abs(fen % 100);
    return (fen < 0 ? "-" : "") + Math.abs(fen / 100) + (part < 10 ? ".0" : ".") + part;
  }
}
