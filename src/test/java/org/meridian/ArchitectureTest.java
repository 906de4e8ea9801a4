package org.meridian;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** The conventions of ../shared/CONVENTIONS.md that a machine can check. */
class ArchitectureTest {

    static final JavaClasses MERIDIAN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.meridian");

    @Test
    void controllersArePackagePrivateAndLiveInWebOrApi() {
        classes().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
                .should().notHaveModifier(JavaModifier.PUBLIC)
                .andShould().resideInAnyPackage("..web..", "..api..")
                .allowEmptyShould(true)
                .check(MERIDIAN);
    }

    @Test
    void noFieldInjection() {
        fields().should().notBeAnnotatedWith(Autowired.class)
                .allowEmptyShould(true)
                .check(MERIDIAN);
    }

    @Test
    void numericCodeHasNoSpring() {
        // package-info may carry module metadata (@NamedInterface exposing the package to other modules): not code
        noClasses().that().resideInAnyPackage("..scoring..", "..numeric..", "..insight.math..")
                .and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .allowEmptyShould(true)
                .check(MERIDIAN);
    }

    @Test
    void noJpaAnywhere() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..")
                .check(MERIDIAN);
    }
}
