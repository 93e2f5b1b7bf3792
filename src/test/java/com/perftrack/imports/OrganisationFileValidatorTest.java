package com.perftrack.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.perftrack.organisation.OrganisationImporter.UnitRow;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrganisationFileValidatorTest {

    static final String HEADER = "unit_type,code,name,parent_code,user_id,email,role\n";
    final OrganisationFileValidator validator = new OrganisationFileValidator(Map.of("OLD", "company"), Map.of());

    List<UnitRow> parse(String csv) {
        return validator.validate(new TableReader(100).read(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_tree_in_any_order_is_accepted_and_person_role_defaults_to_employee() {
        List<UnitRow> rows = parse(HEADER
                + "person,P1,王五,R1,wang.wu,wang.wu@acme.example,\n"
                + "region,R1,华东区,D1,,,\n"
                + "department,D1,销售部,ACME,acme.sales,,sales\n"
                + "company,ACME,Acme 公司,,acme.gm,,distribution\n"
                + "department,D2,市场部,OLD,,,marketing\n");
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0)).isEqualTo(new UnitRow("person", "P1", "王五", "R1", "wang.wu", "wang.wu@acme.example", "employee"));
        assertThat(rows.get(1).role()).isNull();
    }

    @Test
    void every_bad_line_is_reported() {
        try {
            parse(HEADER
                    + "company,ACME,Acme,,gm,,factory\n"          // 2 bad company type
                    + "department,D1,Sales,NOPE,,,sales\n"        // 3 unknown parent
                    + "region,R1,East,ACME,,,sales\n"             // 4 role on a region
                    + "person,P1,Li,ACME,bad user,,\n"            // 5 bad user id
                    + "person,P2,,ACME,,not-an-email,\n"          // 6 no name, bad e-mail
                    + "department,D2,Sales,R9,,,sales\n"          // 7 unknown parent
                    + "region,R2,X,R3,,,\n"                       // 8 loop R2 -> R3 -> R2
                    + "region,R3,Y,R2,,,\n"                       // 9 loop
                    + "person,P3,Z,ACME\n");                      // 10 missing columns
            throw new AssertionError("accepted");
        } catch (ImportRejectedException e) {
            assertThat(e.errors()).extracting(LineError::line, LineError::field).containsExactly(
                    tuple(2, "role"), tuple(3, "parent_code"), tuple(4, "role"), tuple(5, "user_id"),
                    tuple(6, "name"), tuple(6, "email"), tuple(7, "parent_code"), tuple(8, "parent_code"),
                    tuple(9, "parent_code"), tuple(10, null));
        }
    }
}
