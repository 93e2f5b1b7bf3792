package com.perftrack.evaluation;

import com.perftrack.calendar.BusinessCalendar;
import com.perftrack.notification.Notifier;
import com.perftrack.organisation.OrgUnit;
import com.perftrack.organisation.OrganisationService;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public recognition (公开表彰, issue 17; seed: 对表现优秀的员工给予公开表彰): the quarter's bonus people when
 * HR's confirmation is published, approved annual awards and special contribution awards. Each is kept
 * once (by its key), shown on {@code /recognition.html} and announced to the company by one mail per
 * occasion. A person who opted out is neither shown nor named in a mail; the award itself stands.
 */
@Service
public class RecognitionService {

    public static final String QUARTER_BONUS = "QUARTER_BONUS";
    public static final String ANNUAL_AWARD = "ANNUAL_AWARD";
    public static final String SPECIAL_CONTRIBUTION = "SPECIAL_CONTRIBUTION";

    /** One recognised person of an occasion. */
    public record Honour(String personCode, String title, String citation) {}

    /** A recognition as the page shows it. */
    public record RecognitionView(long id, String companyCode, String personCode, String personName, String kind,
            String period, String title, String citation, Instant publishedAt) {}

    private final JdbcClient jdbc;
    private final OrganisationService organisation;
    private final Notifier notifier;
    private final BusinessCalendar calendar;

    RecognitionService(JdbcClient jdbc, OrganisationService organisation, Notifier notifier, BusinessCalendar calendar) {
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.notifier = notifier;
        this.calendar = calendar;
    }

    /**
     * Records an occasion's honours (each person's company from the organisation) and announces the new
     * ones, per company, to that company; repeated calls record and announce nothing twice.
     */
    @Transactional
    public int recognise(String kind, String period, String occasion, List<Honour> honours) {
        Map<String, List<String>> announced = new LinkedHashMap<>();
        Set<String> optedOut = optedOut();
        for (Honour h : honours) {
            OrgUnit person = organisation.findUnit(h.personCode()).orElse(null);
            if (person == null) {
                continue;
            }
            String key = kind + ":" + period + ":" + h.personCode() + ":" + h.title();
            boolean known = jdbc.sql("select count(*) from recognition where entry_key = ?").param(key)
                    .query(Integer.class).single() > 0;
            if (!known) {
                jdbc.sql("insert into recognition (entry_key, company_code, person_code, kind, period, title, citation, "
                                + "published_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(key, person.companyCode(), h.personCode(), kind, period, h.title(), h.citation(),
                                Timestamp.from(calendar.now()))
                        .update();
            }
            if (!known && !optedOut.contains(h.personCode())) {
                announced.computeIfAbsent(person.companyCode(), c -> new ArrayList<>())
                        .add(EvaluationLabels.named(person.name(), person.code()) + " — " + h.title()
                                + (h.citation() == null || h.citation().isBlank() ? "" : "（" + h.citation() + "）"));
            }
        }
        announced.forEach((company, lines) -> notifier.toCompanyAfterCommit(company,
                "公开表彰 Recognition: " + occasion,
                "祝贺以下同事 Congratulations to:\n\n" + String.join("\n", lines)
                        + "\n\n详见表彰页 /recognition.html / See the recognition page."));
        return announced.values().stream().mapToInt(List::size).sum();
    }

    @EventListener
    void on(Recognised recognised) {
        if (!recognised.honours().isEmpty()) {
            recognise(recognised.kind(), recognised.period(), recognised.occasion(), recognised.honours());
        }
    }

    /** The company's recognitions, newest first, without the people who opted out. */
    public List<RecognitionView> ofCompany(String companyCode) {
        Set<String> optedOut = optedOut();
        Map<String, String> names = new LinkedHashMap<>();
        organisation.units(companyCode, OrgUnit.PERSON).forEach(p -> names.put(p.code(), p.name()));
        return jdbc.sql("select id, company_code, person_code, kind, period, title, citation, published_at from recognition "
                        + "where company_code = ? order by published_at desc, id desc").param(companyCode)
                .query((rs, n) -> new RecognitionView(rs.getLong(1), rs.getString(2), rs.getString(3),
                        names.getOrDefault(rs.getString(3), rs.getString(3)), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
                .list().stream().filter(r -> !optedOut.contains(r.personCode())).toList();
    }

    public boolean isOptedOut(String personCode) {
        return jdbc.sql("select count(*) from recognition_opt_out where person_code = ?").param(personCode)
                .query(Integer.class).single() > 0;
    }

    @Transactional
    public void setOptedOut(String personCode, boolean optOut) {
        jdbc.sql("delete from recognition_opt_out where person_code = ?").param(personCode).update();
        if (optOut) {
            jdbc.sql("insert into recognition_opt_out (person_code, opted_out_at) values (?, ?)")
                    .params(personCode, Timestamp.from(calendar.now())).update();
        }
    }

    private Set<String> optedOut() {
        return new TreeSet<>(jdbc.sql("select person_code from recognition_opt_out").query(String.class).list());
    }
}
