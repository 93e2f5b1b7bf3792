package com.perftrack.kpi;

import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.calendar.Period;
import com.perftrack.notification.Notifier;
import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationService;
import jakarta.annotation.PreDestroy;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mails each early warning (SPEC.md section 7) once to its unit's owner — the unit's user: the
 * manager of a department or region, the person themself, the general manager of a company — when
 * it first appears after a month's results changed (an import or the cycle's calculation step).
 * Sent warnings are remembered per quarter, unit and KPI ({@code early_warning_sent}): one that
 * disappears and comes back in the same quarter is not mailed again.
 *
 * <p>Runs after the results' commit on a worker thread of its own, so an import's answer does not
 * wait for it; one check per month at a time, a change during a check queues one more. Only months
 * of the current quarter, or of the quarter of last month (the cycle of a quarter's last month runs
 * in the month after), are checked: importing history mails nobody about long-closed quarters.
 * The rows are written and the mails sent in one transaction: a failing mail server rolls the rows
 * back, so the next change tries again (a mail may then go twice, never not at all).
 */
@Component
class WarningNotices {

    private static final Logger log = LoggerFactory.getLogger(WarningNotices.class);

    private final WarningService warnings;
    private final OrganisationService organisation;
    private final Notifier notifier;
    private final BusinessCalendar calendar;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "early-warning-mail");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<String> queued = ConcurrentHashMap.newKeySet();

    WarningNotices(WarningService warnings, OrganisationService organisation, Notifier notifier,
            BusinessCalendar calendar, JdbcClient jdbc, TransactionTemplate transaction) {
        this.warnings = warnings;
        this.organisation = organisation;
        this.notifier = notifier;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void resultsCalculated(ResultsCalculated event) {
        String period = event.period();
        if (open(period) && queued.add(period)) {
            worker.execute(() -> {
                queued.remove(period);
                try {
                    mailNew(period);
                } catch (RuntimeException e) {
                    log.warn("Early warnings of {} not mailed (the next change of results tries again): {}", period,
                            e.getMessage());
                }
            });
        }
    }

    /** Waits until the checks queued so far have run (tests, and a clean shutdown). */
    void awaitIdle(java.time.Duration timeout) throws Exception {
        worker.submit(() -> { }).get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** Still before or just after the quarter's close: the current quarter, or last month's. */
    private boolean open(String period) {
        if (!Period.isValid(period)) {
            return false;
        }
        Period month = Period.parse(period);
        Period now = calendar.currentPeriod();
        return month.quarter().equals(now.quarter()) || month.quarter().equals(now.previous().quarter());
    }

    /** Mails every company's new warnings of the month; returns how many were new. */
    int mailNew(String period) {
        int fresh = 0;
        for (OrgUnit company : organisation.companies()) {
            fresh += transaction.execute(status -> mailNew(period, company.code()));
        }
        return fresh;
    }

    private int mailNew(String period, String companyCode) {
        List<WarningView> found = warnings.warnings(period, companyCode);
        if (found.isEmpty()) {
            return 0;
        }
        String quarter = found.get(0).quarter();
        Set<String> sent = new HashSet<>(jdbc.sql("select unit_type || '/' || unit_code || '/' || kpi_code "
                + "from early_warning_sent where company_code = :company and quarter = :quarter")
                .param("company", companyCode).param("quarter", quarter).query(String.class).list());
        Map<String, Optional<OrgUnit>> units = new LinkedHashMap<>();
        Map<String, StringBuilder> mails = new LinkedHashMap<>();
        int fresh = 0;
        for (WarningView w : found) {
            if (sent.contains(w.unitType() + "/" + w.unitCode() + "/" + w.kpiCode())) {
                continue;
            }
            Optional<OrgUnit> unit = units.computeIfAbsent(w.unitCode(), organisation::findUnit);
            String owner = unit.map(OrgUnit::userId).filter(u -> !u.isBlank()).orElse(null);
            jdbc.sql("insert into early_warning_sent (quarter, unit_type, unit_code, kpi_code, company_code, period, "
                            + "forecast_attainment, owner_user_id, sent_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(quarter, w.unitType(), w.unitCode(), w.kpiCode(), companyCode, period,
                            w.forecastAttainment().setScale(6, RoundingMode.HALF_UP), owner,
                            Timestamp.from(calendar.now()))
                    .update();
            fresh++;
            if (owner != null) {
                mails.computeIfAbsent(owner, o -> new StringBuilder()).append(line(w, unit.get().name()));
            }
        }
        for (var mail : mails.entrySet()) {
            notifier.toUserElseGroup(null, mail.getKey(), null, "预警 Early warning " + quarter + "（" + period + "）",
                    "以下指标按目前进度预计本季度未能达标，请在季度结束前采取措施。\n"
                            + "These KPIs are forecast to miss the quarter's target; act before the quarter closes.\n\n"
                            + mail.getValue());
        }
        return fresh;
    }

    static String line(WarningView w, String unitName) {
        return "- " + unitName + "（" + w.unitCode() + "）· " + w.kpiName() + " " + w.kpiCode() + "：预计季度达成率 "
                + percent(w.forecastAttainment()) + "，至今 " + (w.attainmentSoFar() == null ? "—" : percent(w.attainmentSoFar()))
                + "（" + w.monthsSoFar() + " 个月），" + w.status() + "\n";
    }

    private static String percent(java.math.BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
