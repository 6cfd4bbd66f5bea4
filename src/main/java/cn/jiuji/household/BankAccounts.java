package cn.jiuji.household;

import cn.jiuji.base.FormValues;
import cn.jiuji.base.RuleBreak;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The family's bank account for the assistance money (惠民惠农“一卡通”/社会保障卡, SPEC §8): how an
 * account number must look, and the masked form shown everywhere but the payment list.
 */
@Component
public class BankAccounts {

  /**
   * {@code jiuji.bank-account}: how many digits an account number has at least and at most (bank
   * cards have 16 to 19; passbook and social-security card accounts of some banks fewer or more).
   */
  @ConfigurationProperties("jiuji.bank-account")
  public record Settings(Integer minLength, Integer maxLength) {
    public Settings {
      if (minLength == null || maxLength == null || minLength < 1 || maxLength < minLength) {
        throw new IllegalStateException("jiuji.bank-account.min-length and max-length must be configured,"
            + " 1 <= min-length <= max-length");
      }
    }
  }

  private final Settings settings;

  BankAccounts(Settings settings) {
    this.settings = settings;
  }

  /**
   * The account number as it is kept: without the blanks around it; refused in Chinese unless it is
   * digits only and of a length banks use. The number itself is never repeated in the message (the
   * refusal is logged).
   */
  public String checked(Object value) {
    String account = value == null ? "" : FormValues.stripped(value.toString());
    if (account.isEmpty()) {
      throw RuleBreak.badRequest("请填写：银行账号");
    }
    for (int i = 0; i < account.length(); i++) {
      char c = account.charAt(i);
      if (c < '0' || c > '9') {
        throw RuleBreak.badRequest("银行账号只能由数字组成，不能含空格、字母或其他符号，请按存折或银行卡上的账号重新填写");
      }
    }
    if (account.length() < settings.minLength() || account.length() > settings.maxLength()) {
      throw RuleBreak.badRequest("银行账号应为 " + settings.minLength() + " 至 " + settings.maxLength()
          + " 位数字，填写的是 " + account.length() + " 位，请核对");
    }
    return account;
  }

  /** {@code ***************1234}: the last four digits, the others as stars; null stays null. */
  public static String mask(String account) {
    if (account == null) {
      return null;
    }
    if (account.length() <= 4) {
      return "*".repeat(account.length());
    }
    return "*".repeat(account.length() - 4) + account.substring(account.length() - 4);
  }
}
