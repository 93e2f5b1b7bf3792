package com.perftrack.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns the guard's refusal into Spring Boot's "APPLICATION FAILED TO START" text with the fix. */
class DemoPasswordsFailureAnalyzer extends AbstractFailureAnalyzer<DemoPasswordsInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DemoPasswordsInUseException cause) {
        if (cause.isWeakDemoPassword()) {
            return new FailureAnalysis(
                    "Refusing to start: the demo users are switched on (PTC_DEMO=true) without a password of their "
                            + "own. 试用安装的演示用户需要自己的密码。",
                    "Set DEMO_PASSWORD to a password of at least 8 characters other than 'demo' (every demo user "
                            + "gets it), or switch the demo users off (PTC_DEMO=false). See README.md, section Configuration.",
                    cause);
        }
        return new FailureAnalysis(
                "Refusing to start: users " + cause.userIds() + " can still log in with the demo password "
                        + "or with their user id as password. 生产环境不允许使用演示密码。",
                "Set real passwords before starting the 'postgres' profile: give the administrator one with "
                        + "the ADMIN_PASSWORD environment variable, and change or delete the other users in "
                        + "Camunda Admin (/camunda/app/admin/) or with "
                        + "PUT /engine-rest/user/{id}/credentials. See README.md, section Configuration.",
                cause);
    }
}
