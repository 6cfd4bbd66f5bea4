package cn.jiuji.screening;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ApplicationTest
class MedicalFileGeneratorTest {

  @Autowired MedicalFileImport imports;

  @Test
  void generatesFilesTheImportReadsWithTheChosenShareOfBadRows() throws Exception {
    Path file = Files.createTempFile("generated-", ".csv");
    // a seed of its own: settlement ids must not collide with another test's generated file
    MedicalFileGenerator.generate(3000, 0.1, MedicalFiles.Format.CSV_GBK, file, 20261201L,
        LocalDate.of(2019, 6, 30));

    var result = imports.importFile(file, "generated.csv", "medical1");

    assertThat(result.rows()).isEqualTo(3000);
    assertThat(result.rejectedCount()).isBetween(200, 400);
    assertThat(result.accepted()).isEqualTo(3000 - result.rejectedCount());
    assertThat(result.rejected()).allSatisfy(r -> assertThat(r.reason()).isNotBlank());
  }
}
