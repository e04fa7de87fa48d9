package org.duban.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layer rules of STYLE.md: ui → service → persistence → model, app above all; no JavaFX below ui. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.duban");
    }

    @Test
    void layersDependOnlyDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("App").definedBy("org.duban.app..")
                .layer("UI").definedBy("org.duban.ui..")
                .layer("Service").definedBy("org.duban.service..")
                .layer("Persistence").definedBy("org.duban.persistence..")
                .layer("Model").definedBy("org.duban.model..")
                .whereLayer("App").mayNotBeAccessedByAnyLayer()
                .whereLayer("UI").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Service").mayOnlyBeAccessedByLayers("UI", "App")
                .whereLayer("Persistence").mayOnlyBeAccessedByLayers("Service", "App")
                .whereLayer("Model").mayOnlyBeAccessedByLayers("Persistence", "Service", "UI", "App")
                .check(classes);
    }

    @Test
    void modelServiceAndPersistenceDoNotUseJavaFx() {
        noClasses().that().resideInAnyPackage("org.duban.model..", "org.duban.service..", "org.duban.persistence..",
                        "org.duban.i18n..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(classes);
    }

    @Test
    void modelUsesNoSqlAndNoLogging() {
        noClasses().that().resideInAPackage("org.duban.model..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..", "org.slf4j..")
                .check(classes);
    }

    @Test
    void onlyPersistenceTalksJdbc() {
        noClasses().that().resideInAnyPackage("org.duban.service..", "org.duban.ui..", "org.duban.app..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sqlite..")
                .check(classes);
    }

    @Test
    void eachEngineDriverStaysInItsAdapter() {
        noClasses().that().resideOutsideOfPackage("org.duban.persistence.sqlite..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sqlite..")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("org.duban.persistence.postgresql..")
                .should().dependOnClassesThat().resideInAnyPackage("org.postgresql..")
                .check(classes);
    }

    @Test
    void noJavaSqlAbovePersistence() {
        noClasses().that().resideInAnyPackage("org.duban.service..", "org.duban.ui..", "org.duban.app..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.jdbi..", "org.flywaydb..")
                .check(classes);
    }

    @Test
    void screensDoNotDependOnEachOther() {
        slices().matching("org.duban.ui.(*)..").should().notDependOnEachOther()
                .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("org.duban.ui.common.."))
                .ignoreDependency(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("org.duban.ui.main.."),
                        com.tngtech.archunit.base.DescribedPredicate.alwaysTrue())
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.duban.(*)..").should().beFreeOfCycles().check(classes);
    }
}
