package com.perftrack.security;

import java.beans.FeatureDescriptor;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Member;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;

/**
 * The engine's expression manager with a guard in front: whatever a model's expression is
 * (deploy-time checks can be outwitted by building names from strings), it cannot reach a class,
 * a class loader, reflection or the engine's services when it runs. Spring beans are those of
 * the map given (our delegates and listeners), not the whole application context.
 */
class GuardedExpressionManager extends SpringExpressionManager {

    GuardedExpressionManager(ApplicationContext applicationContext, Map<Object, Object> beans) {
        super(applicationContext, beans);
    }

    @Override
    protected ELResolver createElResolver() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new ForbiddenMembers());
        resolver.add(super.createElResolver());
        return resolver;
    }

    /** Resolves nothing itself; refuses the members through which an expression would escape. */
    static final class ForbiddenMembers extends ELResolver {

        static final Set<String> FORBIDDEN = Set.of("class", "getclass", "forname", "classloader", "getclassloader",
                "loadclass", "newinstance", "getruntime", "exec", "invoke", "getmethod", "getmethods",
                "getdeclaredmethod", "getdeclaredmethods", "getfield", "getdeclaredfield", "getconstructor",
                "getdeclaredconstructor", "processengineservices", "getprocessengineservices", "processengine",
                "getprocessengine", "getbean", "applicationcontext", "getapplicationcontext", "setaccessible",
                "getmodule", "getprotectiondomain");

        static void check(Object base, Object member) {
            if (base instanceof Class<?> || base instanceof ClassLoader || base instanceof Member
                    || base instanceof AccessibleObject || base instanceof Module || base instanceof Runtime
                    || base instanceof ProcessBuilder || base instanceof Thread) {
                throw refusal(member);
            }
            if (member != null && FORBIDDEN.contains(member.toString().toLowerCase(Locale.ROOT))) {
                throw refusal(member);
            }
        }

        private static ProcessEngineException refusal(Object member) {
            return new ProcessEngineException("表达式不得访问 '" + member + "' / expressions may not reach '" + member + "'");
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (base != null) {
                check(base, property);
            }
            return null;
        }

        @Override
        public Object invoke(ELContext context, Object base, Object method, Class<?>[] types, Object[] params) {
            check(base, method);
            return null;
        }

        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            if (base != null) {
                check(base, property);
            }
            return null;
        }

        @Override
        public void setValue(ELContext context, Object base, Object property, Object value) {
            if (base != null) {
                check(base, property);
            }
        }

        @Override
        public boolean isReadOnly(ELContext context, Object base, Object property) {
            return false;
        }

        @Override
        public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
            return null;
        }

        @Override
        public Class<?> getCommonPropertyType(ELContext context, Object base) {
            return null;
        }
    }
}
