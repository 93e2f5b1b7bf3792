package com.perftrack.imports;

import com.perftrack.kpi.FigurePart;
import com.perftrack.kpi.FigureService;
import com.perftrack.kpi.FiguresImported;
import com.perftrack.kpi.FigureView;
import com.perftrack.kpi.KpiCatalog;
import com.perftrack.kpi.KpiResultService;
import com.perftrack.kpi.TargetConsistencyService;
import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationImporter;
import com.perftrack.organisation.OrganisationService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads, validates and stores an import file. Validation sees the whole file before anything is
 * written; storing, recalculating the touched months and logging run in one transaction.
 */
@Service
class ImportService {

    /**
     * The 200 answer of an import (SPEC.md section 6: rows, units, periods). {@code warnings}: what
     * was stored but deserves a look, e.g. children's targets that do not add up to their parent's.
     */
    record ImportSummary(String kind, int rows, int units, List<String> periods, int inserted, int updated,
            int unchanged, int usersCreated, int resultRows, List<OrganisationImporter.Membership> memberships,
            List<LineError> warnings) {

        ImportSummary(String kind, int rows, int units, List<String> periods, int inserted, int updated,
                int unchanged, int usersCreated, int resultRows, List<OrganisationImporter.Membership> memberships) {
            this(kind, rows, units, periods, inserted, updated, unchanged, usersCreated, resultRows, memberships, List.of());
        }
    }

    private final ImportSettings settings;
    private final OrganisationService organisation;
    private final OrganisationImporter organisationImporter;
    private final KpiCatalog catalog;
    private final FigureService figures;
    private final KpiResultService results;
    private final ImportLog log;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final com.perftrack.calendar.BusinessCalendar calendar;
    private final TargetConsistencyService consistency;

    ImportService(ImportSettings settings, OrganisationService organisation, OrganisationImporter organisationImporter,
            KpiCatalog catalog, FigureService figures, KpiResultService results, ImportLog log,
            TransactionTemplate transaction, ApplicationEventPublisher events, com.perftrack.calendar.BusinessCalendar calendar,
            TargetConsistencyService consistency) {
        this.events = events;
        this.calendar = calendar;
        this.consistency = consistency;
        this.settings = settings;
        this.organisation = organisation;
        this.organisationImporter = organisationImporter;
        this.catalog = catalog;
        this.figures = figures;
        this.results = results;
        this.log = log;
        this.transaction = transaction;
    }

    /** The application's own import (demo set-up), trusted like an administrator's. */
    ImportSummary importFigures(String fileName, byte[] content, String user) {
        return importFigures(fileName, content, ImportRemit.Caller.system(user));
    }

    ImportSummary importFigures(String fileName, byte[] content, ImportRemit.Caller caller) {
        String user = caller.userId();
        List<FigureView> validated;
        FigureFileValidator.Parsed parsed;
        Map<String, OrgUnit> unitsByCode = new HashMap<>();
        try {
            ImportTable table = read(content);
            Map<String, String> unitTypes = new HashMap<>();
            organisation.allUnits().forEach(u -> {
                unitTypes.put(u.code(), u.unitType());
                unitsByCode.put(u.code(), u);
            });
            Set<String> kpis = new HashSet<>();
            Map<String, String> kpiSources = new HashMap<>();
            Map<String, Integer> kpiDecimals = new HashMap<>();
            catalog.all().forEach(k -> {
                kpis.add(k.code());
                kpiSources.put(k.code(), k.sourceDepartment());
                kpiDecimals.put(k.code(), k.decimals());
            });
            parsed = new FigureFileValidator(unitTypes, kpis::contains).parse(table);
            List<ImportRemit.Numbered<FigureView>> numbered = new ArrayList<>();
            for (int i = 0; i < parsed.rows().size(); i++) {
                numbered.add(new ImportRemit.Numbered<>(parsed.rowLines().get(i), parsed.rows().get(i)));
            }
            for (int i = 0; i < parsed.parts().size(); i++) {
                FigurePart p = parsed.parts().get(i);
                numbered.add(new ImportRemit.Numbered<>(parsed.partLines().get(i),
                        new FigureView(p.period(), p.unitType(), p.unitCode(), p.kpiCode(), p.target(), p.actual())));
            }
            numbered.sort(java.util.Comparator.comparingInt(ImportRemit.Numbered::line));
            refuseOutsideRemit(new ImportRemit(unitsByCode).figures(caller, numbered, kpiSources));
            // growth needs the base month's actuals: only for lines the caller may write
            validated = TargetGrowth.apply(parsed.rows(), parsed.growth(), TargetGrowth.stored(figures),
                    kpi -> kpiDecimals.getOrDefault(kpi, 2));
        } catch (ImportRejectedException e) {
            log.record("figures", fileName, user, false, 0, e.errors().size(), List.of());
            throw e;
        }
        List<FigureView> rows = validated;
        List<FigurePart> parts = parsed.parts();
        Set<String> periodSet = new TreeSet<>();
        Set<String> unitSet = new HashSet<>();
        rows.forEach(r -> {
            periodSet.add(r.period());
            unitSet.add(r.unitType() + '|' + r.unitCode());
        });
        parts.forEach(p -> {
            periodSet.add(p.period());
            unitSet.add(p.unitType() + '|' + p.unitCode());
        });
        List<String> periods = List.copyOf(periodSet);
        int lines = rows.size() + parts.size();
        return transaction.execute(status -> {
            FigureService.StoreOutcome outcome = figures.store(rows, parts, user, fileName);
            FigureService.StoreSummary stored = outcome.summary();
            // only the months whose figures changed (and their MoM/YoY neighbours); an unchanged
            // re-import recalculates nothing
            int resultRows = stored.changedNothing() ? 0 : results.recalculate(stored.changedPeriods());
            log.record("figures", fileName, user, true, lines, 0, periods);
            events.publishEvent(new FiguresImported(periods));
            return new ImportSummary("figures", lines, unitSet.size(), periods, stored.inserted(), stored.updated(),
                    stored.unchanged(), 0, resultRows, List.of(), warnings(rows, parsed, outcome, unitsByCode));
        });
    }

    /**
     * The 200 answer's warnings, by line: targets that do not add up (issue 14) and doubtful numbers
     * ({@link SuspiciousFigures}, issue 15). Nothing is refused for them.
     */
    private List<LineError> warnings(List<FigureView> fileRows, FigureFileValidator.Parsed parsed,
            FigureService.StoreOutcome outcome, Map<String, OrgUnit> units) {
        // the month's figures this file made: its total rows and the totals its parts add up to (named
        // by the line of the unit's first part)
        List<FigureView> rows = new ArrayList<>(fileRows);
        List<Integer> lineOfRow = new ArrayList<>(parsed.rowLines());
        Map<String, Integer> firstPartLine = new HashMap<>();
        for (int i = parsed.parts().size() - 1; i >= 0; i--) {
            FigurePart p = parsed.parts().get(i);
            firstPartLine.put(p.period() + '|' + p.unitCode() + '|' + p.kpiCode(), parsed.partLines().get(i));
        }
        for (FigureView d : outcome.derived()) {
            Integer line = firstPartLine.get(d.period() + '|' + d.unitCode() + '|' + d.kpiCode());
            if (line != null) {
                rows.add(d);
                lineOfRow.add(line);
            }
        }
        List<LineError> warnings = new ArrayList<>(TargetWarnings.of(consistency, rows, lineOfRow, units));
        Map<String, List<String>> children = new HashMap<>();
        units.values().forEach(u -> {
            if (u.parentCode() != null) {
                children.computeIfAbsent(u.parentCode(), c -> new ArrayList<>()).add(u.code());
            }
        });
        Map<String, com.perftrack.kpi.Kpi> kpis = new HashMap<>();
        catalog.all().forEach(k -> kpis.put(k.code(), k));
        for (var w : figures.suspicious(rows, kpis, children)) {
            warnings.add(new LineError(lineOfRow.get(w.index()), w.field(), w.message()));
        }
        Map<String, Integer> lineOfTotal = new HashMap<>();
        for (int i = 0; i < fileRows.size(); i++) {
            FigureView r = fileRows.get(i);
            lineOfTotal.putIfAbsent(r.period() + '|' + r.unitCode() + '|' + r.kpiCode(), parsed.rowLines().get(i));
        }
        for (FigureService.PartConflict c : outcome.conflicts()) {
            String key = c.period() + '|' + c.unitCode() + '|' + c.kpiCode();
            Integer line = lineOfTotal.getOrDefault(key, firstPartLine.get(key));
            warnings.add(new LineError(line == null ? 1 : line, "actual", DailyConflicts.message(c)));
        }
        warnings.sort(java.util.Comparator.comparingInt(LineError::line));
        return warnings;
    }

    /** The application's own import (demo set-up), trusted like an administrator's. */
    ImportSummary importOrganisation(String fileName, byte[] content, String user) {
        return importOrganisation(fileName, content, ImportRemit.Caller.system(user));
    }

    ImportSummary importOrganisation(String fileName, byte[] content, ImportRemit.Caller caller) {
        String user = caller.userId();
        List<OrganisationImporter.UnitRow> rows;
        try {
            ImportTable table = read(content);
            Map<String, String> types = new HashMap<>();
            Map<String, String> parents = new HashMap<>();
            Map<String, OrgUnit> units = new HashMap<>();
            for (OrgUnit u : organisation.allUnits()) {
                types.put(u.code(), u.unitType());
                parents.put(u.code(), u.parentCode());
                units.put(u.code(), u);
            }
            rows = new OrganisationFileValidator(types, parents).validate(table);
            refuseOutsideRemit(new ImportRemit(units).organisation(caller, numbered(table, rows)));
        } catch (ImportRejectedException e) {
            log.record("organisation", fileName, user, false, 0, e.errors().size(), List.of());
            throw e;
        }
        return transaction.execute(status -> {
            OrganisationImporter.Summary stored = organisationImporter.store(rows);
            // units moved or added change roll-ups and ranks of every month with figures
            List<String> periods = figures.periods();
            int resultRows = 0;
            if (stored.inserted() + stored.updated() > 0) {
                resultRows = results.recalculate(periods);
                results.invalidateAll(); // names and places in the tree show on every month's dashboard
            }
            log.record("organisation", fileName, user, true, rows.size(), 0, periods);
            int units = (int) rows.stream().map(OrganisationImporter.UnitRow::code).distinct().count();
            return new ImportSummary("organisation", rows.size(), units, periods, stored.inserted(), stored.updated(),
                    stored.unchanged(), stored.usersCreated(), resultRows, stored.memberships());
        });
    }

    /**
     * The KPI catalogue (SPEC.md section 7): new codes added, known ones renamed; every dashboard shows
     * the new names at once. A change of aggregation or direction of a KPI with figures is refused.
     */
    ImportSummary importKpiCatalogue(String fileName, byte[] content, ImportRemit.Caller caller) {
        String user = caller.userId();
        List<KpiCatalog.CatalogueRow> rows;
        try {
            Map<String, com.perftrack.kpi.Kpi> stored = new HashMap<>();
            catalog.all().forEach(k -> stored.put(k.code(), k));
            rows = new KpiCatalogueFileValidator(stored, catalog.codesWithFigures()).validate(read(content));
        } catch (ImportRejectedException e) {
            log.record("kpi-catalogue", fileName, user, false, 0, e.errors().size(), List.of());
            throw e;
        }
        return transaction.execute(status -> {
            KpiCatalog.StoreSummary stored = catalog.store(rows, user, calendar.now());
            if (stored.inserted() + stored.updated() > 0) {
                results.invalidateAll(); // names, units and order show on every month's dashboard
            }
            log.record("kpi-catalogue", fileName, user, true, rows.size(), 0, List.of());
            return new ImportSummary("kpi-catalogue", rows.size(), rows.size(), List.of(), stored.inserted(),
                    stored.updated(), stored.unchanged(), 0, 0, List.of());
        });
    }

    /**
     * KPI weight sets (SPEC.md section 7), each from its quarter on. Months from the earliest changed
     * set's quarter are recalculated: which KPIs a person must report (data gaps) follows the weights.
     */
    ImportSummary importKpiWeights(String fileName, byte[] content, ImportRemit.Caller caller) {
        String user = caller.userId();
        List<KpiCatalog.WeightRow> rows;
        try {
            Set<String> companies = new HashSet<>();
            organisation.companies().forEach(c -> companies.add(c.code()));
            Set<String> kpis = new HashSet<>();
            catalog.all().forEach(k -> kpis.add(k.code()));
            ImportTable table = read(content);
            rows = new KpiWeightFileValidator(companies, kpis::contains).validate(table);
            refuseOutsideRemit(new ImportRemit(Map.of()).weights(caller, numbered(table, rows)));
        } catch (ImportRejectedException e) {
            log.record("kpi-weights", fileName, user, false, 0, e.errors().size(), List.of());
            throw e;
        }
        List<String> quarters = List.copyOf(new TreeSet<>(rows.stream().map(KpiCatalog.WeightRow::validFrom).toList()));
        int sets = (int) rows.stream().map(r -> r.companyCode() + '|' + r.role() + '|' + r.validFrom()).distinct().count();
        return transaction.execute(status -> {
            KpiCatalog.StoreSummary stored = catalog.storeWeights(rows, user, calendar.now());
            int resultRows = 0;
            if (stored.inserted() + stored.updated() > 0) {
                String from = com.perftrack.calendar.Quarter.parse(quarters.get(0)).months().get(0).toString();
                resultRows = results.recalculate(figures.periods().stream().filter(p -> p.compareTo(from) >= 0).toList());
            }
            log.record("kpi-weights", fileName, user, true, rows.size(), 0, quarters);
            return new ImportSummary("kpi-weights", rows.size(), sets, quarters, stored.inserted(), stored.updated(),
                    stored.unchanged(), 0, resultRows, List.of());
        });
    }

    /** The validators return one row per data line, in order, or throw. */
    private static <T> List<ImportRemit.Numbered<T>> numbered(ImportTable table, List<T> rows) {
        List<ImportRemit.Numbered<T>> numbered = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            numbered.add(new ImportRemit.Numbered<>(table.lines().get(i).number(), rows.get(i)));
        }
        return numbered;
    }

    private static void refuseOutsideRemit(List<LineError> errors) {
        if (!errors.isEmpty()) {
            throw new ImportOutsideRemitException(errors);
        }
    }

    private ImportTable read(byte[] content) {
        if (content.length > settings.maxBytes()) {
            throw new ImportRejectedException(1, null, "文件超过 " + settings.maxBytes() + " 字节 / file larger than "
                    + settings.maxBytes() + " bytes");
        }
        return new TableReader(settings.readLimits()).read(content);
    }
}
