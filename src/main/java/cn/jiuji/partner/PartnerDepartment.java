package cn.jiuji.partner;

import cn.jiuji.identity.Groups;
import cn.jiuji.ledger.GrantSource;
import java.util.Arrays;
import java.util.Optional;

/**
 * The departments a case can be referred to (SPEC §9): the code civil affairs chooses in
 * {@code referrals}, the department's name, the group that works its {@code partnerAid} task and
 * the ledger source of its money. The township's own temporary assistance goes to the case's
 * township group.
 */
public enum PartnerDepartment {
  TOWNSHIP("乡镇人民政府（临时救助）", null, GrantSource.TOWNSHIP_TEMPORARY),
  CHARITY("县慈善总会", Groups.CHARITY, GrantSource.CHARITY),
  DISABLED_FEDERATION("县残疾人联合会", Groups.DISABLED_FEDERATION, GrantSource.DISABLED_FEDERATION),
  EDUCATION("县教育局", Groups.EDUCATION, GrantSource.EDUCATION),
  HUMAN_RESOURCES("县人力资源和社会保障局", Groups.HUMAN_RESOURCES, GrantSource.HUMAN_RESOURCES),
  HOUSING("县住房和城乡建设局", Groups.HOUSING, GrantSource.HOUSING),
  MEDICAL_ASSISTANCE("县医疗保障局（医疗救助）", Groups.MEDICAL_INSURANCE, GrantSource.MEDICAL_ASSISTANCE);

  private final String label;
  private final String group;
  private final GrantSource source;

  PartnerDepartment(String label, String group, GrantSource source) {
    this.label = label;
    this.group = group;
    this.source = source;
  }

  public String label() {
    return label;
  }

  public GrantSource source() {
    return source;
  }

  /** The group that works the referral of a case of this township group. */
  public String group(String townshipGroup) {
    return group == null ? townshipGroup : group;
  }

  public static Optional<PartnerDepartment> parse(String code) {
    return Arrays.stream(values()).filter(d -> d.name().equals(code)).findFirst();
  }
}
