package org.meridian;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import java.util.List;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
        noClasses().that().resideInAnyPackage("..scoring..", "..numeric..", "..insight.math..",
                        "org.meridian.insight.method..", "org.meridian.efficiency.method..",
                        "org.meridian.allocation.method..")
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

    /*
     * One error vocabulary (docs/adr/0006-errors.md): only shared's ProblemAdvice maps exceptions to answers. The
     * classes listed are the mappings not yet moved onto it (issue 11); each module's owner removes its entries when
     * its exceptions become shared.problem ones. Do not add to the lists.
     */
    static final Set<String> ADVICE_NOT_YET_MOVED = Set.of();

    static final Set<String> EXCEPTION_HANDLERS_NOT_YET_MOVED = Set.of();

    @Test
    void exceptionsAreMappedOnlyByTheSharedAdvice() {
        noClasses().that().resideOutsideOfPackage("org.meridian.shared..")
                .and(not(listedIn(ADVICE_NOT_YET_MOVED)))
                .should().beMetaAnnotatedWith(ControllerAdvice.class)
                .check(MERIDIAN);
        methods().that().areAnnotatedWith(ExceptionHandler.class)
                .and().areDeclaredInClassesThat(not(listedIn(EXCEPTION_HANDLERS_NOT_YET_MOVED)))
                .should().beDeclaredInClassesThat().resideInAPackage("org.meridian.shared..")
                .allowEmptyShould(true)
                .check(MERIDIAN);
    }

    /*
     * Who acts (docs/development.md): facades take an Actor; only web/, api/ and shared.security read the security
     * context, directly or through CurrentUser. The classes listed still do (issue 11, point 1); each module's owner
     * removes its entries. Do not add to the lists.
     */
    static final Set<String> SECURITY_CONTEXT_NOT_YET_MOVED = Set.of(
            "org.meridian.incentive.IncentiveDemoData");

    static final Set<String> CURRENT_USER_NOT_YET_MOVED = Set.of(
            "org.meridian.shared.tenant.Hospitals",
            "org.meridian.shared.audit.AuditLog");

    @Test
    void onlyWebApiAndSecurityReadTheSecurityContext() {
        noClasses().that().resideOutsideOfPackages("..web..", "..api..", "org.meridian.shared.security..")
                .and(not(listedIn(SECURITY_CONTEXT_NOT_YET_MOVED)))
                .should().dependOnClassesThat().haveFullyQualifiedName(
                        "org.springframework.security.core.context.SecurityContextHolder")
                .check(MERIDIAN);
        noClasses().that().resideOutsideOfPackages("..web..", "..api..", "org.meridian.shared.security..")
                .and(not(listedIn(CURRENT_USER_NOT_YET_MOVED)))
                .should().dependOnClassesThat().haveFullyQualifiedName("org.meridian.shared.security.CurrentUser")
                .check(MERIDIAN);
    }

    /**
     * A facade's public methods take the acting {@code Actor} (or, for reference reads, a hospital id), never the
     * signed-in account: {@code MeridianUser} is the security layer's type and stays in web/, api/ and security.
     */
    @Test
    void facadesTakeAnActorNotTheSignedInAccount() {
        noMethods().that().arePublic()
                .and().areDeclaredInClassesThat().areAnnotatedWith(org.springframework.stereotype.Service.class)
                .and().areDeclaredInClassesThat().resideOutsideOfPackages("..web..", "..api..",
                        "org.meridian.shared.security..")
                .should().haveRawParameterTypes(DescribedPredicate.describe("any parameter of type MeridianUser",
                        (List<JavaClass> types) -> types.stream().anyMatch(t -> t.getName().equals(
                                "org.meridian.shared.security.MeridianUser"))))
                .check(MERIDIAN);
    }

    /** The class or one of its nested (and lambda-holding) classes is in the list. */
    private static DescribedPredicate<JavaClass> listedIn(Set<String> names) {
        return DescribedPredicate.describe("listed in " + names, c -> names.contains(c.getName())
                || names.stream().anyMatch(n -> c.getName().startsWith(n + "$")));
    }

    /**
     * Events between modules are handled by {@code @ApplicationModuleListener} (docs/development.md, "Events between
     * modules"): the event publication registry keeps them until the listener has done its work. A hand-made
     * {@code @TransactionalEventListener} (after-commit, own transaction, catch-and-log) loses the work on a crash.
     */
    @Test
    void moduleEventsAreHandledByApplicationModuleListeners() {
        noMethods().should().beAnnotatedWith(TransactionalEventListener.class)
                .because("@ApplicationModuleListener keeps the event until its listener has done the work")
                .check(MERIDIAN);
    }

    /**
     * A plain {@code @EventListener} runs inside the publisher's transaction and is not in the registry: it may
     * listen to the framework's events (sign-ins), never to Meridian's own.
     */
    @Test
    void plainEventListenersListenToFrameworkEventsOnly() {
        noMethods().that().areAnnotatedWith(EventListener.class)
                .should().haveRawParameterTypes(DescribedPredicate.<List<JavaClass>>describe("a Meridian event",
                        parameters -> parameters.stream().anyMatch(p -> p.getPackageName().startsWith("org.meridian"))))
                .because("Meridian's events are handled by @ApplicationModuleListener")
                .check(MERIDIAN);
    }
}
