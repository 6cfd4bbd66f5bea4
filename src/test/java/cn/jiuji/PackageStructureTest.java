package cn.jiuji;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Packages point one way (STYLE.md, as in PetClinic): features may use the floor below them, the
 * floor never uses a feature, and no two packages use each other, however indirectly.
 */
class PackageStructureTest {

  /** The features: what the bureau's staff would call a part of the system. */
  static final String[] FEATURES = {
    "cn.jiuji.assistance..", "cn.jiuji.casefile..", "cn.jiuji.decision..", "cn.jiuji.enrollment..",
    "cn.jiuji.screening..", "cn.jiuji.demo..", "cn.jiuji.partner.."
  };

  static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("cn.jiuji");
  }

  @Test
  void noPackageCycles() {
    slices().matching("cn.jiuji.(*)..").should().beFreeOfCycles().check(main);
  }

  @Test
  void systemUsesNoFeature() {
    noClasses().that().resideInAPackage("cn.jiuji.system..")
        .should().dependOnClassesThat().resideInAnyPackage(FEATURES).check(main);
  }

  @Test
  void theSharedFloorUsesNothingAboveIt() {
    noClasses().that().resideInAnyPackage("cn.jiuji.base..", "cn.jiuji.household..")
        .should().dependOnClassesThat().resideInAnyPackage(FEATURES).check(main);
    noClasses().that().resideInAPackage("cn.jiuji.base..")
        .should().dependOnClassesThat().resideInAnyPackage("cn.jiuji.household..", "cn.jiuji.system..",
            "cn.jiuji.identity..", "cn.jiuji.calendar..").check(main);
  }
}
