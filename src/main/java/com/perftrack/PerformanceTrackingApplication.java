package com.perftrack;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Performance Tracking Cycle (业绩跟踪): the committee's monthly tracking method on Camunda 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PerformanceTrackingApplication {

    public static void main(String[] args) {
        SpringApplication.run(PerformanceTrackingApplication.class, args);
    }
}
