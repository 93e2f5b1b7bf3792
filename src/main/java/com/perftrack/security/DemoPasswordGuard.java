package com.perftrack.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a production installation while any user can log in with the demo password
 * or with their own user id as password (Camunda's default for an admin user without password).
 *
 * <p>A trial installation with the demo users ({@code ptc.demo.enabled}) must give them a real
 * password of its own ({@code DEMO_PASSWORD}, at least 8 characters, not {@code demo}).
 *
 * <p>It runs when all singletons exist and before the web server's connectors start (Spring starts
 * them later, in the context's lifecycle phase): a refused start never answers a single request.
 *
 * <p>It compares against the stored salted hashes itself: {@code IdentityService.checkPassword}
 * would count every miss as a failed login and, over a few restarts, lock every user out.
 */
@Component
@ConditionalOnProperty(name = "ptc.security.refuse-demo-passwords", havingValue = "true")
class DemoPasswordGuard implements SmartInitializingSingleton {

    static final String DEMO_PASSWORD = "demo";
    private static final int PAGE = 500;

    private final IdentityService identityService;
    private final PasswordManager passwords;

    static final int MIN_DEMO_PASSWORD_LENGTH = 8;

    private final boolean demoUsers;
    private final String demoPassword;

    @org.springframework.beans.factory.annotation.Autowired
    DemoPasswordGuard(ProcessEngine engine, @Value("${ptc.demo.enabled:false}") boolean demoUsers,
            @Value("${ptc.demo.password:}") String demoPassword) {
        this.identityService = engine.getIdentityService();
        this.passwords = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getPasswordManager();
        this.demoUsers = demoUsers;
        this.demoPassword = demoPassword == null ? "" : demoPassword;
    }

    DemoPasswordGuard(ProcessEngine engine) {
        this(engine, false, "");
    }

    @Override
    public void afterSingletonsInstantiated() {
        check();
    }

    void check() {
        if (demoUsers && (demoPassword.length() < MIN_DEMO_PASSWORD_LENGTH || demoPassword.equalsIgnoreCase(DEMO_PASSWORD))) {
            throw DemoPasswordsInUseException.weakDemoPassword();
        }
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
