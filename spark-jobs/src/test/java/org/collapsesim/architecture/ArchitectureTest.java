package org.collapsesim.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The build's architecture rules, over the production classes of simulator-core and spark-jobs
 * (both on this module's test classpath): data flows one way, so no two packages depend on each
 * other, directly or through others (each package, sub-packages included, is its own slice: {@code
 * family} and {@code family.gaussian} count apart); and simulator-core, the part that runs
 * anywhere, never touches Spark, Arrow, Parquet, Hadoop or Scala.
 */
class ArchitectureTest {

  private static JavaClasses all;
  private static JavaClasses core;

  @BeforeAll
  static void importClasses() {
    ClassFileImporter importer =
        new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS);
    all = importer.importPackages("org.collapsesim");
    core =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> location.contains("simulator-core"))
            .importPackages("org.collapsesim");
  }

  @Test
  void noPackageCycles() {
    slices().matching("org.collapsesim.(**)").should().beFreeOfCycles().check(all);
  }

  @Test
  void coreDoesNotUseSparkArrowOrParquet() {
    assertTrue(
        core.contain("org.collapsesim.loop.GenerationLoop")
            && !core.contain("org.collapsesim.sweep.SparkSweep"),
        "the core classes are found by their location (simulator-core)");
    ArchRule rule =
        noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "org.apache.spark..",
                "org.apache.arrow..",
                "org.apache.parquet..",
                "org.apache.hadoop..",
                "scala..");
    rule.check(core);
  }
}
