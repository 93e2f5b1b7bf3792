package com.perftrack.organisation;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code ptc.company.*}: the installation's default company, used when a cycle names none. */
@ConfigurationProperties("ptc.company")
public record CompanySettings(String code, String name, String type) {

    /** The company types the process models know. */
    public static final Set<String> TYPES = Set.of("production", "distribution", "project-management");

    public CompanySettings {
        code = code == null || code.isBlank() ? "DEMO" : code;
        type = type == null || type.isBlank() ? "production" : type;
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("ptc.company.type must be one of " + TYPES + ", got '" + type + "'");
        }
    }
}
