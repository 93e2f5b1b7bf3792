package com.perftrack.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a production installation while any user can log in with the demo password
 * or with their own user id as password (Camunda's default for an admin user without password).
 *
 * <p>It compares against the stored salted hashes itself: {@code IdentityService.checkPassword}
 * would count every miss as a failed login and, over a few restarts, lock every user out.
 */
@Component
@Order(100)
@ConditionalOnProperty(name = "ptc.security.refuse-demo-passwords", havingValue = "true")
class DemoPasswordGuard implements ApplicationRunner {

    static final String DEMO_PASSWORD = "demo";
    private static final int PAGE = 500;

    private final IdentityService identityService;
    private final PasswordManager passwords;

    DemoPasswordGuard(ProcessEngine engine) {
        this.identityService = engine.getIdentityService();
        this.passwords = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getPasswordManager();
    }

    @Override
    public void run(ApplicationArguments args) {
        check();
    }

    void check() {
        List<String> weak = new ArrayList<>();
        for (int first = 0; ; first += PAGE) {
            List<User> users = identityService.createUserQuery().orderByUserId().asc().listPage(first, PAGE);
            for (User user : users) {
                if (user instanceof UserEntity entity && entity.getPassword() != null
                        && (matches(entity, DEMO_PASSWORD) || matches(entity, entity.getId()))) {
                    weak.add(user.getId());
                }
            }
            if (users.size() < PAGE) {
                break;
            }
        }
        if (!weak.isEmpty()) {
            throw new DemoPasswordsInUseException(weak);
        }
    }

    private boolean matches(UserEntity user, String candidate) {
        String salted = user.getSalt() == null ? candidate : candidate + user.getSalt();
        return passwords.check(salted, user.getPassword());
    }
}
