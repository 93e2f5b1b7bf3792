package com.perftrack.security;

import java.util.Set;

/** The companies a request may see: every company (administrators) or the listed ones. */
public record CompanyScope(boolean all, Set<String> companies) {

    public static final CompanyScope ALL = new CompanyScope(true, Set.of());
    public static final CompanyScope NONE = new CompanyScope(false, Set.of());

    public CompanyScope {
        companies = Set.copyOf(companies);
    }

    public boolean includes(String companyCode) {
        return all || (companyCode != null && companies.contains(companyCode));
    }
}
