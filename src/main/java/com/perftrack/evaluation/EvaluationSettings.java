package com.perftrack.evaluation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code ptc.evaluation.*}: how many days after publication a person may appeal (default 7, SPEC.md section 3). */
@ConfigurationProperties("ptc.evaluation")
public record EvaluationSettings(Integer appealWindowDays) {

    public EvaluationSettings {
        if (appealWindowDays == null || appealWindowDays < 1) {
            appealWindowDays = 7;
        }
    }
}
