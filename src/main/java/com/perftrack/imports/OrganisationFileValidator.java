package com.perftrack.imports;

import com.perftrack.organisation.OrganisationImporter.UnitRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an organisation file (SPEC.md section 4: {@code unit_type,code,name,parent_code,user_id,email,role})
 * line by line against itself and the units already stored; reports every bad line.
 */
final class OrganisationFileValidator {

    static final List<String> COLUMNS = List.of("unit_type", "code", "name", "parent_code", "user_id", "email", "role");
    static final Set<String> COMPANY_TYPES = Set.of("production", "distribution", "project-management");
    static final Set<String> DEPARTMENT_ROLES = Set.of("sales", "marketing", "production", "quality", "finance", "hr",
            "procurement", "project-management", "contract-planning");
    private static final Map<String, Set<String>> PARENT_TYPES = Map.of(
            "department", Set.of("company"),
            "region", Set.of("company", "department", "region"),
            "person", Set.of("company", "department", "region"));
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern ROLE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final Map<String, String> storedTypes;
    private final Map<String, String> storedParents;

    /** @param storedTypes unit type by code and {@code storedParents} parent by code of the stored units */
    OrganisationFileValidator(Map<String, String> storedTypes, Map<String, String> storedParents) {
        this.storedTypes = storedTypes;
        this.storedParents = storedParents;
    }

    List<UnitRow> validate(ImportTable table) {
        int[] index = Columns.indexes(table.header(), COLUMNS);
        List<LineError> errors = new ArrayList<>();
        Map<String, String> types = new HashMap<>(storedTypes);
        Map<String, String> parents = new HashMap<>(storedParents);
        Map<String, Integer> lineOf = new HashMap<>();
        for (ImportTable.Line line : table.lines()) {
            String code = line.cell(index[1]);
            if (CODE.matcher(code).matches()) {
                types.put(code, line.cell(index[0]));
                parents.put(code, line.cell(index[3]));
                lineOf.put(code, line.number());
            }
        }
        List<UnitRow> rows = new ArrayList<>();
        for (ImportTable.Line line : table.lines()) {
            int before = errors.size();
            if (!Columns.fullWidth(table, line, errors)) {
                continue;
            }
            String type = line.cell(index[0]);
            String code = line.cell(index[1]);
            String name = line.cell(index[2]);
            String parent = line.cell(index[3]);
            String userId = line.cell(index[4]);
            String email = line.cell(index[5]);
            String role = line.cell(index[6]);
            if (!FigureFileValidator.UNIT_TYPES.contains(type)) {
                errors.add(new LineError(line.number(), "unit_type", "未知单位类型 '" + type
                        + "'，应为 company/department/region/person / unknown unit type"));
            }
            if (!CODE.matcher(code).matches()) {
                errors.add(new LineError(line.number(), "code", "代码必填，仅限字母、数字、. _ -（最长 64）/ code is required: letters, digits, . _ - (max 64)"));
            }
            if (name.isEmpty() || name.length() > 200) {
                errors.add(new LineError(line.number(), "name", "名称必填（最长 200）/ name is required (max 200 characters)"));
            }
            if ("company".equals(type)) {
                if (!parent.isEmpty()) {
                    errors.add(new LineError(line.number(), "parent_code", "公司不能有上级单位 / a company has no parent"));
                }
            } else if (PARENT_TYPES.containsKey(type)) {
                if (parent.isEmpty()) {
                    errors.add(new LineError(line.number(), "parent_code", "上级单位必填 / parent_code is required"));
                } else if (!types.containsKey(parent)) {
                    errors.add(new LineError(line.number(), "parent_code", "未知上级单位 '" + parent + "' / unknown parent unit"));
                } else if (!PARENT_TYPES.get(type).contains(types.get(parent))) {
                    errors.add(new LineError(line.number(), "parent_code", "上级单位 " + parent + " 是 " + types.get(parent)
                            + "，" + type + " 的上级应为 " + PARENT_TYPES.get(type) + " / wrong parent type"));
                } else if (loops(code, parents)) {
                    errors.add(new LineError(line.number(), "parent_code", "上级关系形成循环 / the parent chain loops"));
                }
            }
            if (!userId.isEmpty() && !USER_ID.matcher(userId).matches()) {
                errors.add(new LineError(line.number(), "user_id", "用户名仅限字母、数字、. _ -（最长 64）/ user_id: letters, digits, . _ - (max 64)"));
            }
            if (!email.isEmpty() && (!EMAIL.matcher(email).matches() || email.length() > 200)) {
                errors.add(new LineError(line.number(), "email", "邮箱格式无效 / invalid e-mail address '" + email + "'"));
            }
            String checkedRole = role(type, role, line.number(), errors);
            if (errors.size() == before) {
                rows.add(new UnitRow(type, code, name, parent.isEmpty() ? null : parent, userId.isEmpty() ? null : userId,
                        email.isEmpty() ? null : email, checkedRole));
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(errors);
        }
        return rows;
    }

    private static String role(String type, String role, int line, List<LineError> errors) {
        switch (type) {
            case "company" -> {
                if (!COMPANY_TYPES.contains(role)) {
                    errors.add(new LineError(line, "role", "公司类型应为 production/distribution/project-management / company type, got '" + role + "'"));
                }
                return role;
            }
            case "department" -> {
                if (!DEPARTMENT_ROLES.contains(role)) {
                    errors.add(new LineError(line, "role", "部门角色应为 " + DEPARTMENT_ROLES + " 之一 / department role (group id), got '" + role + "'"));
                }
                return role;
            }
            case "region" -> {
                if (!role.isEmpty()) {
                    errors.add(new LineError(line, "role", "区域不填角色 / leave role empty for a region"));
                }
                return null;
            }
            case "person" -> {
                if (role.isEmpty()) {
                    return "employee";
                }
                if (!ROLE.matcher(role).matches()) {
                    errors.add(new LineError(line, "role", "角色仅限小写字母、数字和 - / role: lower-case letters, digits, -"));
                }
                return role;
            }
            default -> {
                return null;
            }
        }
    }

    private static boolean loops(String code, Map<String, String> parents) {
        Set<String> seen = new HashSet<>();
        String current = code;
        while (current != null && !current.isEmpty()) {
            if (!seen.add(current)) {
                return true;
            }
            current = parents.get(current);
        }
        return false;
    }
}
