package org.coquille.examples;

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
 * Every module's main code together (core, the servlet and portlet adapters, the examples): the adapters and the
 * examples use only core's published packages, and the packages of all modules form a directed graph. Core's own
 * rules are in core's {@code PackageRulesTest}.
 */
@AnalyzeClasses(packages = "org.coquille", importOptions = ImportOption.DoNotIncludeTests.class)
class PublishedPackagesTest {

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
            return name.equals("org.coquille") || name.startsWith("org.coquille.") ? SliceIdentifier.of(name)
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "each package of org.coquille";
        }
    }).should().beFreeOfCycles();
}
