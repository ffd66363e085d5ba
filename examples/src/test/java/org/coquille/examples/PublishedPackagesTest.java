package org.coquille.examples;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * Every module's main code together (core, the store modules, the servlet and portlet adapters, the examples): the adapters and the
 * examples use only core's published packages, and the packages of all modules form a directed graph. Core's own
 * rules are in core's {@code PackageRulesTest}.
 */
@AnalyzeClasses(packages = "org.coquille", importOptions = { ImportOption.DoNotIncludeTests.class, PublishedPackagesTest.NotBundled.class })
class PublishedPackagesTest {

    private static final String SHADED = "org.coquille.shaded.";

    /** Leaves out the libraries core bundles under org.coquille.shaded (docs/DEPENDENCIES.md): not Coquille's code. */
    static final class NotBundled implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/org/coquille/shaded/");
        }
    }

    @ArchTest
    static final ArchRule onlyCoreTouchesInternal = noClasses()
            .that().resideOutsideOfPackages("org.coquille", "org.coquille.internal..")
            .should().dependOnClassesThat().resideInAPackage("org.coquille.internal..")
            .because("internal is no API: adapters and applications use the published packages");

    @ArchTest
    static final ArchRule noCycleBetweenPackagesOfAnyModule = slices().assignedFrom(new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass type) {
            String name = type.getPackageName();
            // org.coquille.shaded holds the libraries core bundles (relocated copies), not Coquille's own packages
            return (name.equals("org.coquille") || name.startsWith("org.coquille.")) && !name.startsWith(SHADED)
                    ? SliceIdentifier.of(name) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "each package of org.coquille";
        }
    }).should().beFreeOfCycles();

    @ArchTest
    static final ArchRule storeModulesBuildOnTheSpiAndTheModelAlone = noClasses()
            .that().resideInAnyPackage("org.coquille.store.jdbc..", "org.coquille.store.h2..")
            .should().dependOnClassesThat(resideInAPackage("org.coquille..").and(not(resideInAnyPackage(
                    "org.coquille.spi", "org.coquille.core", "org.coquille.inject", "org.coquille.store.jdbc..", "org.coquille.store.h2..",
                    "org.coquille.shaded.."))))
            .because("a store module implements the SPI on the model (and the placement it names); core finds it with ServiceLoader, and it knows "
                    + "nothing of the wiring, the use cases or the web layer");
}
