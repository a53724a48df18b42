package io.crowd2fa.plugin.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.crowd2fa.plugin.audit.AuditEventType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The help desk refuses a search for an event type the catalogue does not know, so an event type a
 * feature declares but the catalogue misses could never be searched for.
 */
class AuditEventCatalogueTest {

  @Test
  void everyEventTypeConstantOfTheServiceIsInTheCatalogue() throws Exception {
    List<AuditEventType> declared = new ArrayList<>();
    for (JavaClass type :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.crowd2fa.plugin")) {
      for (JavaField field : type.getFields()) {
        if (field.getModifiers().contains(JavaModifier.STATIC)
            && field.getRawType().isEquivalentTo(AuditEventType.class)) {
          java.lang.reflect.Field reflected = field.reflect();
          reflected.setAccessible(true);
          declared.add((AuditEventType) reflected.get(null));
        }
      }
    }

    assertThat(declared).hasSizeGreaterThan(40);
    assertThat(AuditEventCatalogue.all()).containsExactlyInAnyOrderElementsOf(declared);
  }

  @Test
  void theCatalogueNamesEachTypeOnceInOrder() {
    List<String> names = AuditEventCatalogue.all().stream().map(AuditEventType::name).toList();

    assertThat(names).doesNotHaveDuplicates().isSorted().contains("ADMIN_AUDIT_SEARCHED");
  }
}
