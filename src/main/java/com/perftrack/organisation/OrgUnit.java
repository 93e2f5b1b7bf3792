package com.perftrack.organisation;

/** One node of the organisation tree: a company, department, region or person. */
public record OrgUnit(String code, String unitType, String name, String parentCode, String companyCode,
        String userId, String email, String role) {

    public static final String COMPANY = "company";
    public static final String DEPARTMENT = "department";
    public static final String REGION = "region";
    public static final String PERSON = "person";

    public boolean isPerson() {
        return PERSON.equals(unitType);
    }
}
