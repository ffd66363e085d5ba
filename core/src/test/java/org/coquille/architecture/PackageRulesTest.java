package org.coquille.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The package graph core's main code must keep (docs/ARCHITECTURE.md): the wiring ({@code org.coquille}) above
 * everything, the model ({@code org.coquille.core}) and the injection engine ({@code org.coquille.inject}) at the
 * bottom, {@code spi} on the model only, {@code internal} and the store implementations used by the wiring alone.
 */
@AnalyzeClasses(packages = "org.coquille", importOptions = { ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class })
class PackageRulesTest {

    /** Every package of Coquille is a slice of its own, the root included. */
    private static final SliceAssignment EACH_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass type) {
            String name = type.getPackageName();
            return name.equals("org.coquille") || name.startsWith("org.coquille.") ? SliceIdentifier.of(name)
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "each package of org.coquille";
        }
    };

    @ArchTest
    static final ArchRule noCycleBetweenPackages = slices().assignedFrom(EACH_PACKAGE).should().beFreeOfCycles();

    @ArchTest
    static final ArchRule internalIsUsedByTheWiringAlone = noClasses()
            .that().resideOutsideOfPackages("org.coquille", "org.coquille.internal..")
            .should().dependOnClassesThat().resideInAPackage("org.coquille.internal..")
            .because("internal is no API: only the wiring (org.coquille) puts it together");

    @ArchTest
    static final ArchRule spiDependsOnlyOnTheModel = classes()
            .that().resideInAPackage("org.coquille.spi")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.coquille.spi", "org.coquille.core", "java..")
            .because("a third-party store implements the SPI with the model and the JDK alone");

    @ArchTest
    static final ArchRule theModelDependsOnNothingAboveIt = noClasses()
            .that().resideInAPackage("org.coquille.core")
            .should().dependOnClassesThat(resideInAPackage("org.coquille..")
                    .and(not(resideInAnyPackage("org.coquille.core", "org.coquille.inject"))))
            .because("the model (and the placement it names) is what every other package builds on");

    @ArchTest
    static final ArchRule theInjectionEngineIsALeaf = noClasses()
            .that().resideInAPackage("org.coquille.inject")
            .should().dependOnClassesThat(resideInAPackage("org.coquille..")
                    .and(not(resideInAPackage("org.coquille.inject"))))
            .because("the byte-level engine knows nothing of Coquille but bytes and a placement");

    @ArchTest
    static final ArchRule onlyTheWiringChoosesAStore = noClasses()
            .that().resideOutsideOfPackages("org.coquille", "org.coquille.store..")
            .should().dependOnClassesThat().resideInAPackage("org.coquille.store..")
            .because("use cases and the web layer work on the SPI; store implementations depend on it, never the reverse");

    @ArchTest
    static final ArchRule useCasesTakeTheStoreInterfaceTheyNeed = noClasses()
            .that().resideInAnyPackage("org.coquille.social", "org.coquille.report")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.coquille.spi.SocialStore")
            .because("a use case names the small store interfaces it uses, so that a store can be written one area at a time");
}
