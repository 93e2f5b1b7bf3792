package com.perftrack.agenda;

import com.perftrack.agenda.Agenda.Item;
import com.perftrack.agenda.Agenda.Kind;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores agendas (tables {@code agenda}, {@code agenda_item}); one per company and period. */
@Service
public class AgendaService {

    private final JdbcClient jdbc;

    public AgendaService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Saves the agenda of its company and period, replacing an earlier draft; returns its id. */
    @Transactional
    public long save(Agenda agenda, String confirmedBy, Instant confirmedAt) {
        Optional<Long> existing = jdbc.sql("select id from agenda where company_code = ? and period = ?")
                .params(agenda.companyCode(), agenda.period()).query(Long.class).optional();
        long id;
        if (existing.isPresent()) {
            id = existing.get();
            jdbc.sql("update agenda set purpose = ?, meeting_start = ?, length_minutes = ?, free_discussion_minutes = ?, "
                            + "buffer_minutes = ?, status = ?, confirmed_by = ?, confirmed_at = ?, meeting_notes = ? where id = ?")
                    .params(agenda.purpose(), Timestamp.valueOf(agenda.meetingStart()), agenda.lengthMinutes(),
                            agenda.freeDiscussionMinutes(), agenda.bufferMinutes(), agenda.status(), confirmedBy,
                            confirmedAt == null ? null : Timestamp.from(confirmedAt), notes(agenda), id)
                    .update();
            jdbc.sql("delete from agenda_item where agenda_id = ?").param(id).update();
        } else {
            var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
            jdbc.sql("insert into agenda (company_code, period, purpose, meeting_start, length_minutes, "
                            + "free_discussion_minutes, buffer_minutes, status, confirmed_by, confirmed_at, meeting_notes) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(agenda.companyCode(), agenda.period(), agenda.purpose(),
                            Timestamp.valueOf(agenda.meetingStart()), agenda.lengthMinutes(),
                            agenda.freeDiscussionMinutes(), agenda.bufferMinutes(), agenda.status(), confirmedBy,
                            confirmedAt == null ? null : Timestamp.from(confirmedAt), notes(agenda))
                    .update(keys, "id");
            id = keys.getKey().longValue();
        }
        for (Item item : agenda.items()) {
            jdbc.sql("insert into agenda_item (agenda_id, position, kind, department, action_id, title, minutes) "
                            + "values (?, ?, ?, ?, ?, ?, ?)")
                    .params(id, item.position(), item.kind().name(), item.department(), item.actionId(), item.title(),
                            item.minutes())
                    .update();
        }
        return id;
    }

    public Optional<Agenda> find(String companyCode, String period) {
        return jdbc.sql("select id, company_code, period, purpose, meeting_start, length_minutes, "
                        + "free_discussion_minutes, buffer_minutes, status, confirmed_by, meeting_notes from agenda "
                        + "where company_code = ? and period = ?")
                .params(companyCode, period)
                .query((rs, n) -> new Agenda(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toLocalDateTime(), rs.getInt(6), rs.getInt(7), rs.getInt(8),
                        rs.getString(9), rs.getString(10), items(rs.getLong(1)),
                        rs.getString(11) == null ? List.of() : rs.getString(11).lines().toList()))
                .optional();
    }

    private static String notes(Agenda agenda) {
        String joined = String.join("\n", agenda.notes());
        return joined.isEmpty() ? null : joined.length() <= 2000 ? joined : joined.substring(0, 2000);
    }

    private List<Item> items(long agendaId) {
        return jdbc.sql("select position, kind, department, action_id, title, minutes from agenda_item "
                        + "where agenda_id = ? order by position")
                .param(agendaId)
                .query((rs, n) -> new Item(rs.getInt(1), Kind.valueOf(rs.getString(2)), rs.getString(3),
                        (Long) rs.getObject(4, Long.class), rs.getString(5), rs.getInt(6)))
                .list();
    }
}
