package com.perftrack.imports;

import com.perftrack.organisation.OrganisationService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The demo company's organisation and a year of figures (classpath {@code demo/*.csv}), imported
 * once through the same import service people use, so that a first {@code mvn spring-boot:run}
 * has a dashboard to look at and a cycle to walk. Only with {@code ptc.demo.data=true}.
 */
@Component
@Order(25)
@ConditionalOnProperty(name = "ptc.demo.data", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final String DEMO_COMPANY = "DEMO";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final ImportService imports;
    private final OrganisationService organisation;
    private final IdentityService identityService;

    DemoData(ImportService imports, OrganisationService organisation, IdentityService identityService) {
        this.imports = imports;
        this.organisation = organisation;
        this.identityService = identityService;
    }

    @Override
    public void run(ApplicationArguments args) {
        // the organisation feature's table is read through its service, not by SQL of our own
        if (organisation.findUnit(DEMO_COMPANY).isPresent()) {
            return;
        }
        identityService.clearAuthentication();
        var organisation = imports.importOrganisation("demo/organisation.csv", read("demo/organisation.csv"), "demo");
        var figures = imports.importFigures("demo/figures.csv", read("demo/figures.csv"), "demo");
        log.info("Demo company: imported {} units and {} figures ({} result rows)", organisation.units(),
                figures.rows(), figures.resultRows());
    }

    private static byte[] read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("demo data " + path + " is missing", e);
        }
    }
}
