package com.perftrack.security;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Engine settings that keep models, expressions and logins from being turned against the installation:
 * <ul>
 * <li>deployments carrying code are refused ({@link DeploymentCodeGuard});</li>
 * <li>expressions run behind {@link GuardedExpressionManager} and see only our delegates, listeners
 *     and the beans named in {@code ptc.security.expression-beans};</li>
 * <li>Camunda's own login lock is off: after ten failures it locks a user until an administrator
 *     unlocks him, which lets anybody lock anybody out. {@link LoginThrottle} limits guessing instead;</li>
 * <li>every change of users, groups, memberships or tenants is counted ({@link IdentityChanges}).</li>
 * </ul>
 */
@Component
class EngineHardeningPlugin extends AbstractProcessEnginePlugin {

    private final ApplicationContext applicationContext;
    private final IdentityChanges identityChanges;
    private final Set<String> expressionBeans;

    EngineHardeningPlugin(ApplicationContext applicationContext, IdentityChanges identityChanges,
            @Value("${ptc.security.expression-beans:cycleSchedule,tenDayReportSchedule,improvementPlanSchedule,coachingSchedule,weeklySalesSchedule}") Set<String> expressionBeans) {
        this.applicationContext = applicationContext;
        this.identityChanges = identityChanges;
        this.expressionBeans = Set.copyOf(expressionBeans);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setExpressionManager(new GuardedExpressionManager(applicationContext, new ExpressionBeans()));
        if (configuration.getCustomPreDeployers() == null) {
            configuration.setCustomPreDeployers(new ArrayList<>());
        }
        configuration.getCustomPreDeployers().add(new DeploymentCodeGuard());
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new IdentityChangeInterceptor(identityChanges));
        configuration.getCustomPreCommandInterceptorsTxRequired().add(0, new RefusalRecorder());
        // no permanent lock, no delay: a wrong password costs nothing but our own throttle's delay
        configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
        configuration.setLoginDelayBase(0);
    }

    /** The Spring beans expressions may name, looked up lazily: the engine is built before the delegates. */
    private final class ExpressionBeans extends AbstractMap<Object, Object> {

        private boolean allowed(Object key) {
            if (!(key instanceof String name) || !applicationContext.containsBean(name)) {
                return false;
            }
            return expressionBeans.contains(name) || applicationContext.isTypeMatch(name, JavaDelegate.class)
                    || applicationContext.isTypeMatch(name, TaskListener.class)
                    || applicationContext.isTypeMatch(name, ExecutionListener.class);
        }

        @Override
        public boolean containsKey(Object key) {
            return allowed(key);
        }

        @Override
        public Object get(Object key) {
            return allowed(key) ? applicationContext.getBean((String) key) : null;
        }

        @Override
        public Set<Map.Entry<Object, Object>> entrySet() {
            return Set.of(); // never listed: expressions resolve names one by one
        }
    }
}
