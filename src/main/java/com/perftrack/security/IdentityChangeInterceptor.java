package com.perftrack.security;

import java.util.Set;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/** Tells {@link IdentityChanges} about every engine command that changes who someone is or what they belong to. */
class IdentityChangeInterceptor extends CommandInterceptor {

    static final Set<String> IDENTITY_COMMANDS = Set.of("SaveUserCmd", "DeleteUserCmd", "UnlockUserCmd",
            "SaveGroupCmd", "DeleteGroupCmd", "CreateMembershipCmd", "DeleteMembershipCmd", "SaveTenantCmd",
            "DeleteTenantCmd", "CreateTenantUserMembershipCmd", "CreateTenantGroupMembershipCmd",
            "DeleteTenantUserMembershipCmd", "DeleteTenantGroupMembershipCmd");

    private final IdentityChanges identityChanges;

    IdentityChangeInterceptor(IdentityChanges identityChanges) {
        this.identityChanges = identityChanges;
    }

    @Override
    public <T> T execute(Command<T> command) {
        try {
            return next.execute(command);
        } finally {
            if (IDENTITY_COMMANDS.contains(command.getClass().getSimpleName())) {
                identityChanges.changed();
            }
        }
    }
}
