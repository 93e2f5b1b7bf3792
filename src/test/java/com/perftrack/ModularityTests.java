package com.perftrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature modules (each direct sub-package of {@code com.perftrack}, issue 19): no cycles
 * among them, and no module reaches into another's non-API types. A plain unit test (no Spring
 * context): Spring Modulith reads the compiled classes. It also writes the module documentation
 * (PlantUML component diagrams and module canvases) to {@code target/spring-modulith-docs}.
 */
class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(PerformanceTrackingApplication.class);

    @Test
    void featureModulesHaveNoCyclesAndUseOnlyEachOthersApi() {
        modules.verify();
    }

    /**
     * The verification is not a formality: on a fixture where one module uses another's internal
     * type and the two call each other, it fails and names both breaches.
     */
    @Test
    void aForbiddenDependencyInAFixtureFailsTheVerification() {
        // the fixture is test code, which the application's own verification leaves out: include it here
        ApplicationModules fixture = ApplicationModules.of("com.perftrack.modulithfixture", location -> true);
        assertThatThrownBy(fixture::verify).isInstanceOf(Violations.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("non-exposed type com.perftrack.modulithfixture.beta.internal.BetaSecret");
    }

    @Test
    void everyFeaturePackageIsAModule() {
        assertThat(modules.stream().map(ApplicationModule::getBasePackage).map(p -> p.getName()))
                .contains("com.perftrack.action", "com.perftrack.agenda", "com.perftrack.archive",
                        "com.perftrack.cycle", "com.perftrack.meeting", "com.perftrack.organisation",
                        "com.perftrack.calendar", "com.perftrack.evaluation", "com.perftrack.kpi",
                        "com.perftrack.notification");
    }

    @Test
    void writesModuleDocumentation() throws Exception {
        Path output = Path.of("target", "spring-modulith-docs");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(output.toString())).writeDocumentation();
        assertThat(output.resolve("components.puml")).isNotEmptyFile();
        assertThat(output.resolve("module-meeting.puml")).isNotEmptyFile();
        try (var files = Files.list(output)) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".adoc")).count())
                    .isGreaterThanOrEqualTo(modules.stream().count());
        }
    }
}
