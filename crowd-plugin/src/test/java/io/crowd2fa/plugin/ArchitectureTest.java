package io.crowd2fa.plugin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * DESIGN D7: the engine is a library. Servlet, ORM and Atlassian types stay in the adapter packages
 * ({@code ..persistence..}, {@code ..web..}, {@code ..standalone..}).
 */
@AnalyzeClasses(
    packages = "io.crowd2fa.plugin",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule domainPackagesImportNoServletOrmOrAtlassianTypes =
      noClasses()
          .that()
          .resideInAPackage("io.crowd2fa.plugin..")
          .and()
          .resideOutsideOfPackages("..persistence..", "..web..", "..standalone..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "javax.servlet..",
              "jakarta.servlet..",
              "org.hibernate..",
              "jakarta.persistence..",
              "com.atlassian..")
          .because("the engine must run without a servlet container or ORM (DESIGN D7)");
}
