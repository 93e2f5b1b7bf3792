package com.perftrack.action;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationService;
import com.perftrack.security.CommitteeGroup;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * The choices the action form offers (issue 11, "pickers, not codes"): the company's departments
 * (label its name, value its committee group) and the company's users (label the Chinese name,
 * family name first, value the user id). The company's users are the members of its Camunda tenant
 * and the users its organisation file names. The same lists decide what the server accepts.
 */
@Component
public class ActionPickers {

    /** One entry of a form-js select ({@code valuesKey}). */
    public record Option(String label, String value) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Collator CHINESE = Collator.getInstance(Locale.CHINA);

    private final IdentityService identity;
    private final OrganisationService organisation;

    ActionPickers(IdentityService identity, OrganisationService organisation) {
        this.identity = identity;
        this.organisation = organisation;
    }

    /** The company's users by name; a name two people share gets the user id beside it. */
    List<Option> people(String companyCode) {
        return unrestricted(() -> peopleOf(companyCode));
    }

    private List<Option> peopleOf(String companyCode) {
        Set<String> ids = new TreeSet<>();
        identity.createUserQuery().memberOfTenant(companyCode).list().forEach(u -> ids.add(u.getId()));
        organisation.allUnits().stream().filter(u -> companyCode.equals(u.companyCode()))
                .map(OrgUnit::userId).filter(u -> u != null && !u.isBlank()).forEach(ids::add);
        Map<String, String> names = new LinkedHashMap<>();
        ids.forEach(id -> names.put(id, nameOf(id)));
        Map<String, Long> uses = names.values().stream().collect(Collectors.groupingBy(n -> n, Collectors.counting()));
        List<Option> options = new ArrayList<>();
        names.forEach((id, name) -> options.add(new Option(
                uses.get(name) > 1 && !name.equals(id) ? name + "（" + id + "）" : name, id)));
        options.sort(Comparator.comparing(Option::label, CHINESE));
        return options;
    }

    /** The company's departments by name; the action's own department is always among them. */
    List<Option> departments(String companyCode, String actionDepartment) {
        Map<String, String> byGroup = new LinkedHashMap<>();
        for (OrgUnit unit : organisation.units(companyCode, OrgUnit.DEPARTMENT)) {
            if (unit.role() != null && !unit.role().isBlank()) {
                byGroup.putIfAbsent(unit.role(), unit.name());
            }
        }
        if (actionDepartment != null) {
            byGroup.putIfAbsent(actionDepartment, groupName(actionDepartment));
        }
        List<Option> options = new ArrayList<>();
        byGroup.forEach((group, name) -> options.add(new Option(name, group)));
        return options;
    }

    /** The Chinese name of a user, family name first (张伟); the organisation's name or the id when none is known. */
    public String nameOf(String userId) {
        if (userId == null || userId.isBlank()) {
            return "";
        }
        return unrestricted(() -> lookUpName(userId));
    }

    /** The groups a user belongs to, whoever asks. */
    Set<String> groupsOf(String userId) {
        if (userId == null || userId.isBlank()) {
            return Set.of();
        }
        return unrestricted(() -> identity.createGroupQuery().groupMember(userId).list().stream()
                .map(org.camunda.bpm.engine.identity.Group::getId).collect(Collectors.toSet()));
    }

    private String lookUpName(String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        String name = user == null ? "" : (nz(user.getLastName()) + nz(user.getFirstName())).trim();
        if (!name.isEmpty()) {
            return name;
        }
        return organisation.personsOfUser(userId).stream().map(OrgUnit::name).filter(n -> n != null && !n.isBlank())
                .findFirst().orElse(userId);
    }

    /** The name of a company's department (its organisation unit), else the committee group's name. */
    public String departmentName(String companyCode, String group) {
        Optional<OrgUnit> unit = companyCode == null ? Optional.empty() : organisation.department(companyCode, group);
        return unit.map(OrgUnit::name).filter(n -> !n.isBlank()).orElseGet(() -> groupName(group));
    }

    /**
     * Runs a lookup without the caller's authorizations: a department head may not list users
     * (READ on users is HR's), yet the form offers the company's people and names them.
     */
    private <T> T unrestricted(Supplier<T> lookup) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return lookup.get();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    static String groupName(String group) {
        return CommitteeGroup.byId(group).map(g -> {
            String display = g.displayName();
            int bracket = display.indexOf('（');
            return bracket > 0 ? display.substring(0, bracket) : display;
        }).orElse(group);
    }

    /** A select's choices as the task variable form-js reads (type Json, an array of label/value). */
    static TypedValue asVariable(List<Option> options) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(options)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean offers(List<Option> options, String value) {
        return value != null && options.stream().anyMatch(o -> o.value().equals(value));
    }

    private static String nz(String s) {
        return s == null ? "" : s.trim();
    }
}
