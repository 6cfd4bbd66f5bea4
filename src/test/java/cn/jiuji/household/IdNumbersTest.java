package cn.jiuji.household;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdNumbersTest {

  @ParameterizedTest
  @CsvSource({
      "20000229, true",  // leap year (divisible by 400)
      "19000229, false", // not a leap year (divisible by 100)
      "20240229, true",
      "20250229, false",
      "19800431, false",
      "19801231, true",
      "19801301, false",
      "19800001, false",
      "19800100, false"})
  void acceptsOnlyBirthDatesThatExist(String birth, boolean valid) {
    String id = IdNumbers.withCheckCharacter("350526" + birth + "123");

    assertThat(IdNumbers.isValid(id)).isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource({"35052619800101123", "3505261980010112345", "35052619800101A23X"})
  void refusesWrongLengthsAndLetters(String id) {
    assertThat(IdNumbers.isValid(id)).isFalse();
  }

  @org.junit.jupiter.api.Test
  void refusesAWrongCheckCharacterAndAcceptsALowerCaseX() {
    String valid = IdNumbers.withCheckCharacter("35052619800101123");
    char wrong = valid.charAt(17) == '0' ? '1' : '0';

    assertThat(IdNumbers.isValid(valid.substring(0, 17) + wrong)).isFalse();
    assertThat(IdNumbers.isValid(valid.toLowerCase())).isTrue();
  }
}
