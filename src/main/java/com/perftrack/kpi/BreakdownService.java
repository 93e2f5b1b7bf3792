package com.perftrack.kpi;

import com.perftrack.calendar.Period;
import com.perftrack.calendar.ReportingPeriod;
import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/**
 * Dimensions (SPEC.md section 7): a unit's figure by product, channel or customer ({@link Breakdown}),
 * and the customers it lost.
 */
@Service
public class BreakdownService {

    public static final List<String> DIMENSIONS = List.of("product", "channel", "customer");
    /** Sales are the actuals of this KPI. */
    static final String SALES = "SALES_AMOUNT";

    /**
     * A customer with sales in the previous three months and none in this month (SPEC.md section 7):
     * its sales over those three months, the last month it bought and the units that sold to it.
     */
    public record LostCustomer(String customer, BigDecimal previousSales, String lastSalesPeriod, List<String> unitCodes) {}

    private final FigureService figures;
    private final OrganisationService organisation;
    private final KpiCatalog catalog;
    private final KpiSettings settings;

    BreakdownService(FigureService figures, OrganisationService organisation, KpiCatalog catalog, KpiSettings settings) {
        this.figures = figures;
        this.organisation = organisation;
        this.catalog = catalog;
        this.settings = settings;
    }

    /** The breakdown of a unit's KPI for a month, quarter, half year or year by {@code by}. */
    public List<Breakdown.Row> breakdown(String period, String unitCode, String kpiCode, String by) {
        if (!DIMENSIONS.contains(by)) {
            throw new IllegalArgumentException("by 应为 product/channel/customer（产品/渠道/客户）/ by must be product, "
                    + "channel or customer, got '" + by + "'");
        }
        Kpi kpi = catalog.find(kpiCode).orElseThrow(() -> new IllegalArgumentException("未知 KPI 代码 '" + kpiCode
                + "' / unknown KPI code"));
        List<String> months = ReportingPeriod.parse(period).months().stream().map(Period::toString).toList();
        CompanyTree tree = tree(unitCode);
        List<FigurePart> parts = figures.parts(months, tree.subtree(unitCode), List.of(kpiCode), false);
        return new Breakdown(settings.attainmentCap()).of(unitCode, kpi, by, months, parts, tree::children);
    }

    /**
     * The customers lost in {@code period} (a month) by the unit and the units under it: sales (actual
     * of SALES_AMOUNT above 0, parts with a customer) in at least one of the three months before, and
     * none in this month. Oldest last sale first, then by customer.
     */
    public List<LostCustomer> lostCustomers(String period, String unitCode) {
        Period month = Period.parse(period);
        List<String> months = List.of(month.minusMonths(3).toString(), month.minusMonths(2).toString(),
                month.minusMonths(1).toString(), month.toString());
        List<String> subtree = tree(unitCode).subtree(unitCode);
        Map<String, BigDecimal> before = new TreeMap<>();
        Map<String, String> lastSale = new HashMap<>();
        Map<String, TreeSet<String>> sellers = new HashMap<>();
        java.util.Set<String> boughtNow = new java.util.HashSet<>();
        for (FigurePart p : figures.parts(months, subtree, List.of(SALES), false)) {
            if (p.customer().isEmpty() || p.actual() == null || p.actual().signum() <= 0) {
                continue;
            }
            if (p.period().equals(month.toString())) {
                boughtNow.add(p.customer());
                continue;
            }
            before.merge(p.customer(), p.actual(), BigDecimal::add);
            lastSale.merge(p.customer(), p.period(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
            sellers.computeIfAbsent(p.customer(), c -> new TreeSet<>()).add(p.unitCode());
        }
        List<LostCustomer> lost = new ArrayList<>();
        before.forEach((customer, sales) -> {
            if (!boughtNow.contains(customer)) {
                lost.add(new LostCustomer(customer, KpiResultView.plain(sales), lastSale.get(customer),
                        List.copyOf(sellers.get(customer))));
            }
        });
        lost.sort(java.util.Comparator.comparing(LostCustomer::lastSalesPeriod).thenComparing(LostCustomer::customer));
        return lost;
    }

    /** The unit's company's tree; an unknown unit is the caller's mistake. */
    private CompanyTree tree(String unitCode) {
        OrgUnit unit = organisation.findUnit(unitCode).orElseThrow(() -> new IllegalArgumentException(
                "未知单位 '" + unitCode + "' / unknown unit"));
        return CompanyTree.of(organisation, unit.companyCode());
    }
}
