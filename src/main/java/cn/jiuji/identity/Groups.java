package cn.jiuji.identity;

/** The group ids of SPEC §4: the contract for candidate groups, authorizations and filters. */
public final class Groups {

  public static final String CIVIL_AFFAIRS = "civilAffairs";
  public static final String CIVIL_AFFAIRS_LEADERS = "civilAffairsLeaders";
  public static final String LEADING_GROUP = "leadingGroup";
  public static final String MANAGERS = "managers";
  public static final String DESIGNERS = "designers";
  public static final String MEDICAL_INSURANCE = "medicalInsurance";
  public static final String DISABLED_FEDERATION = "disabledFederation";
  public static final String CHARITY = "charity";
  // partner departments that add their own aid to a case (SPEC §9)
  public static final String EDUCATION = "education";
  public static final String HUMAN_RESOURCES = "humanResources";
  public static final String HOUSING = "housing";
  public static final String ADMINS = "camunda-admin";

  private static final String TOWNSHIP_PREFIX = "township";

  private Groups() {}

  /** {@code sanban} → {@code townshipSanban}. */
  public static String township(String townshipCode) {
    return TOWNSHIP_PREFIX
        + Character.toUpperCase(townshipCode.charAt(0))
        + townshipCode.substring(1);
  }

  /** {@code townshipSanban} → {@code sanban}. */
  public static String townshipCode(String groupId) {
    String code = groupId.substring(TOWNSHIP_PREFIX.length());
    return Character.toLowerCase(code.charAt(0)) + code.substring(1);
  }

  public static boolean isTownship(String groupId) {
    return groupId.startsWith(TOWNSHIP_PREFIX) && groupId.length() > TOWNSHIP_PREFIX.length();
  }
}
