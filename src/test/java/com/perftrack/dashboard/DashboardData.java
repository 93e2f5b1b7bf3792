package com.perftrack.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.perftrack.support.Api;
import java.nio.charset.StandardCharsets;

/**
 * A small company of its own (DASHCO) for the dashboard tests, imported through the public import
 * API; importing it again changes nothing, so every test class may call {@link #importInto}.
 *
 * <p>2024-01..06, month m: DP1 (user sales1) SALES_AMOUNT target 100, actual 80 + 10m; DP2 (sales2)
 * target 200, actual 200; DP3 (sales3) target 100, actual 90. DP1 and DP2 are in region DR-EAST,
 * DP3 in DR-WEST, both under department DASH-SALES. So the company's rolled-up SALES_AMOUNT is
 * target 400, actual 370 + 10m (380, 390, …, 430). Company rows of its own: NEW_CUSTOMERS 20 / 19,
 * COMPLAINTS 10 / 12, and in 2024-06 the funnel 200 → 120 → 60 → 30 → 12 won, 9 lost (2024-05:
 * 100 → 50 → 25 → 10 → 5 won, 5 lost).
 */
final class DashboardData {

    /** The administrator of the IT profile: creates the test's own company and writes its units (issue 10). */
    static final String ADMIN = "admin:it-admin-secret";

    static final String COMPANY = "DASHCO";
    static final String ORGANISATION = "unit_type,code,name,parent_code,user_id,email,role\n"
            + "company,DASHCO,看板公司,,dash.gm,,production\n"
            + "department,DASH-SALES,看板销售部,DASHCO,dash.sales,,sales\n"
            + "region,DR-EAST,东区,DASH-SALES,,,\n"
            + "region,DR-WEST,西区,DASH-SALES,,,\n"
            + "person,DP1,马芳,DR-EAST,sales1,,employee\n"
            + "person,DP2,朱超,DR-EAST,sales2,,employee\n"
            + "person,DP3,胡霞,DR-WEST,sales3,,employee\n";

    private DashboardData() {
    }

    static String figures() {
        StringBuilder csv = new StringBuilder("period,unit_type,unit_code,kpi_code,target,actual\n");
        for (int m = 1; m <= 6; m++) {
            String p = String.format("2024-%02d", m);
            csv.append(p).append(",person,DP1,SALES_AMOUNT,100,").append(80 + 10 * m).append('\n');
            csv.append(p).append(",person,DP2,SALES_AMOUNT,200,200\n");
            csv.append(p).append(",person,DP3,SALES_AMOUNT,100,90\n");
            csv.append(p).append(",company,DASHCO,NEW_CUSTOMERS,20,19\n");
            csv.append(p).append(",company,DASHCO,COMPLAINTS,10,12\n");
        }
        csv.append("2024-06,company,DASHCO,FUNNEL_LEADS,180,200\n")
                .append("2024-06,company,DASHCO,FUNNEL_CONTACTS,100,120\n")
                .append("2024-06,company,DASHCO,FUNNEL_NEEDS,50,60\n")
                .append("2024-06,company,DASHCO,FUNNEL_PROPOSALS,25,30\n")
                .append("2024-06,company,DASHCO,FUNNEL_WON,10,12\n")
                .append("2024-06,company,DASHCO,FUNNEL_LOST,10,9\n")
                .append("2024-05,company,DASHCO,FUNNEL_LEADS,180,100\n")
                .append("2024-05,company,DASHCO,FUNNEL_CONTACTS,100,50\n")
                .append("2024-05,company,DASHCO,FUNNEL_NEEDS,50,25\n")
                .append("2024-05,company,DASHCO,FUNNEL_PROPOSALS,25,10\n")
                .append("2024-05,company,DASHCO,FUNNEL_WON,10,5\n")
                .append("2024-05,company,DASHCO,FUNNEL_LOST,10,5\n");
        return csv.toString();
    }

    static void importInto(Api api) {
        var org = api.postFile("/api/imports/organisation", ADMIN, "dashco.csv",
                ORGANISATION.getBytes(StandardCharsets.UTF_8));
        assertThat(org.status()).as(org.body()).isEqualTo(200);
        var figures = api.postFile("/api/imports/figures", ADMIN, "dashco-2024.csv",
                figures().getBytes(StandardCharsets.UTF_8));
        assertThat(figures.status()).as(figures.body()).isEqualTo(200);
    }
}
