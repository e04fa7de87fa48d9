package org.duban.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import org.duban.persistence.AuditRepository;
import org.duban.persistence.Database;
import org.duban.persistence.Repositories;
import org.duban.persistence.SettingsRepository;
import org.duban.persistence.SqlWork;
import org.duban.persistence.UnitOfWork;
import org.duban.service.Services;
import org.duban.service.audit.AuditLog;
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

    /**
     * Classes that may ask the computer for the time themselves. {@code Services} holds the program's one clock; the
     * SQLite file's care runs before any services exist and only names files by it (a backup before a migration, a
     * crash's log kept aside, who holds the writer lock, the age of a temporary file), never a day of the ledger.
     */
    private static final Set<String> OWN_TIME = Set.of(Services.class.getName(),
            "org.duban.persistence.sqlite.BackupFolder", "org.duban.persistence.sqlite.DatabaseOpening",
            "org.duban.persistence.sqlite.WriterLock", "org.duban.io.Leftovers");

    @Test
    void todayComesFromTheOneClock() {
        noClasses().that(notIn(OWN_TIME))
                .should().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(LocalTime.class, "now")
                .orShould().callMethod(Instant.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "system", ZoneId.class)
                .because("a test fixes today everywhere by giving Services one clock")
                .check(classes);
    }

    @Test
    void onlyPersistenceBuildsRepositories() {
        noClasses().that().resideOutsideOfPackage("org.duban.persistence..")
                .should().callConstructorWhere(ownerNamed(n -> n.endsWith("Repository")))
                .because("Repositories builds each repository once; services are given the ones they use")
                .check(classes);
    }

    @Test
    void servicesAreWiredInOnePlace() {
        noClasses().that(notIn(Set.of(Services.class.getName())))
                .should().callConstructor(Repositories.class, Database.class)
                .orShould().callConstructor(AuditLog.class, AuditRepository.class, SettingsRepository.class,
                        UnitOfWork.class, Clock.class)
                .orShould().callConstructorWhere(DescribedPredicate.describe("a constructor of another service",
                        call -> call.getTargetOwner().getPackageName().startsWith("org.duban.service")
                                && call.getTargetOwner().getSimpleName().endsWith("Service")
                                && !call.getTargetOwner().equals(call.getOriginOwner())))
                .because("Services wires every service of a ledger once, over one Repositories and one AuditLog")
                .check(classes);
    }

    @Test
    void servicesChangeTheLedgerThroughTheUnitOfWork() {
        noClasses().that().resideInAnyPackage("org.duban.service..", "org.duban.ui..", "org.duban.app..")
                .should().callMethod(Database.class, "write", SqlWork.class)
                .orShould().callMethod(Database.class, "read", SqlWork.class)
                .orShould().callMethod(Database.class, "inTransaction", Runnable.class)
                .because("services run their changes as a UnitOfWork and read through repositories")
                .check(classes);
    }

    private static DescribedPredicate<JavaClass> notIn(Set<String> names) {
        return DescribedPredicate.describe("not one of " + names,
                c -> names.stream().noneMatch(n -> c.getName().equals(n) || c.getName().startsWith(n + "$")));
    }

    private static DescribedPredicate<JavaConstructorCall> ownerNamed(java.util.function.Predicate<String> name) {
        return DescribedPredicate.describe("a constructor of a *Repository",
                call -> name.test(call.getTargetOwner().getSimpleName()));
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
