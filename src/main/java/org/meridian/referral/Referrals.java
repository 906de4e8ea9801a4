package org.meridian.referral;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.meridian.shared.web.Paged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The referrals with their events, and the hospitals' referral departments. The patient's name, phone and note are
 * stored as {@link ContactCipher} ciphertexts and decrypted here, for the facade only.
 */
@Repository
class Referrals {

    private static final String COLUMNS = """
            id, channel_id, channel_code, channel_name, urgency, department, status, patient_name, patient_phone, note,
            patient_pseudonym, purged_at, created_at, created_by, accepted_at, scheduled_at, appointment_date,
            appointment_department, appointment_doctor, arrived_at, converted_at, declined_at, decline_reason,
            feedback, green_channel""";

    private final JdbcClient jdbc;
    private final ContactCipher cipher;

    Referrals(JdbcClient jdbc, ContactCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** A new referral, or empty when the channel already has one with this idempotency key. */
    Optional<Long> insert(long hospitalId, long channelId, String channelCode, String channelName, String key,
                          NewReferral r, String pseudonym, Instant at, String by) {
        return jdbc.sql("""
                        INSERT INTO referral (hospital_id, channel_id, channel_code, channel_name, idempotency_key,
                            urgency, department, status, patient_name, patient_phone, note, patient_pseudonym,
                            created_at, created_by)
                        VALUES (:h, :c, :code, :name, :key, :u, :d, 'SUBMITTED', :pn, :pp, :note, :ps, :at, :by)
                        ON CONFLICT (hospital_id, channel_id, idempotency_key) DO NOTHING
                        RETURNING id""")
                .param("h", hospitalId).param("c", channelId).param("code", channelCode).param("name", channelName)
                .param("key", key).param("u", r.urgency().name()).param("d", r.department())
                .param("pn", cipher.encrypt(hospitalId, "name", r.patientName()))
                .param("pp", cipher.encrypt(hospitalId, "phone", r.patientPhone().value()))
                .param("note", cipher.encrypt(hospitalId, "note", r.note()))
                .param("ps", pseudonym).param("at", utc(at)).param("by", by)
                .query(Long.class).optional();
    }

    Optional<Long> idByKey(long hospitalId, long channelId, String key) {
        return jdbc.sql("SELECT id FROM referral WHERE hospital_id = :h AND channel_id = :c AND idempotency_key = :k")
                .param("h", hospitalId).param("c", channelId).param("k", key).query(Long.class).optional();
    }

    Optional<Referral> find(long hospitalId, long id) {
        return one(hospitalId, id, false);
    }

    /** The referral, its row locked until the transaction ends (so two desk steps never cross). */
    Optional<Referral> lock(long hospitalId, long id) {
        return one(hospitalId, id, true);
    }

    private Optional<Referral> one(long hospitalId, long id, boolean lock) {
        List<Referral> found = jdbc.sql("SELECT " + COLUMNS + " FROM referral WHERE hospital_id = :h AND id = :id"
                        + (lock ? " FOR UPDATE" : ""))
                .param("h", hospitalId).param("id", id)
                .query((rs, i) -> row(hospitalId, rs)).list();
        return withEvents(hospitalId, found).stream().findFirst();
    }

    /**
     * One page of referrals, the most urgent and longest waiting first: open ones (urgent before routine, oldest
     * first), then the closed ones, newest first.
     *
     * @param channelId null for every channel of the hospital
     * @param status    null for every status
     */
    Paged<Referral> search(long hospitalId, Long channelId, ReferralStatus status, int page, int size) {
        String where = " WHERE hospital_id = :h" + (channelId == null ? "" : " AND channel_id = :c")
                + (status == null ? "" : " AND status = :s");
        Map<String, Object> params = new HashMap<>();
        params.put("h", hospitalId);
        if (channelId != null) {
            params.put("c", channelId);
        }
        if (status != null) {
            params.put("s", status.name());
        }
        long total = jdbc.sql("SELECT count(*) FROM referral" + where).params(params).query(Long.class).single();
        List<Referral> items = jdbc.sql("SELECT " + COLUMNS + " FROM referral" + where + " " + """
                         ORDER BY status IN ('CONVERTED', 'DECLINED'),
                            CASE WHEN status IN ('CONVERTED', 'DECLINED') THEN 0 WHEN urgency = 'URGENT' THEN 0 ELSE 1 END,
                            CASE WHEN status IN ('CONVERTED', 'DECLINED') THEN -extract(epoch FROM created_at)
                                 ELSE extract(epoch FROM created_at) END,
                            id
                         LIMIT :limit OFFSET :offset""")
                .params(params).param("limit", size).param("offset", (long) page * size)
                .query((rs, i) -> row(hospitalId, rs)).list();
        return new Paged<>(withEvents(hospitalId, items), page, size, total);
    }

    /** Number of referrals per status, for the given channel or (null) the whole hospital. */
    Map<ReferralStatus, Long> countByStatus(long hospitalId, Long channelId) {
        return countByStatus(hospitalId, channelId, null);
    }

    /** The same, of the referrals made from {@code createdFrom} on (null: all). */
    Map<ReferralStatus, Long> countByStatus(long hospitalId, Long channelId, Instant createdFrom) {
        Map<ReferralStatus, Long> counts = new HashMap<>();
        Map<String, Object> params = new HashMap<>();
        params.put("h", hospitalId);
        if (channelId != null) {
            params.put("c", channelId);
        }
        if (createdFrom != null) {
            params.put("from", utc(createdFrom));
        }
        jdbc.sql("SELECT status, count(*) FROM referral WHERE hospital_id = :h"
                        + (channelId == null ? "" : " AND channel_id = :c")
                        + (createdFrom == null ? "" : " AND created_at >= :from") + " GROUP BY status")
                .params(params)
                .query((rs, i) -> counts.put(ReferralStatus.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }

    void accept(long hospitalId, long id, Instant at, String by) {
        jdbc.sql("UPDATE referral SET status = 'ACCEPTED', accepted_at = :at, updated_by = :by"
                        + " WHERE hospital_id = :h AND id = :id")
                .param("at", utc(at)).param("by", by).param("h", hospitalId).param("id", id).update();
    }

    void schedule(long hospitalId, long id, Appointment a, boolean greenChannel, Instant at, String by) {
        jdbc.sql("""
                        UPDATE referral SET status = 'SCHEDULED', scheduled_at = :at,
                            accepted_at = coalesce(accepted_at, :at), appointment_date = :d,
                            appointment_department = :dep, appointment_doctor = :doc, green_channel = :g,
                            updated_by = :by
                        WHERE hospital_id = :h AND id = :id""")
                .param("at", utc(at)).param("d", a.date()).param("dep", a.department()).param("doc", a.doctor())
                .param("g", greenChannel).param("by", by).param("h", hospitalId).param("id", id).update();
    }

    /**
     * The green-channel slots the channel used in the month: its green-channel appointments dated in that month,
     * of referrals not declined (a declined referral gives its slot back).
     */
    int greenChannelUsed(long hospitalId, long channelId, java.time.YearMonth month) {
        return jdbc.sql("""
                        SELECT count(*) FROM referral
                        WHERE hospital_id = :h AND channel_id = :c AND green_channel AND status <> 'DECLINED'
                          AND appointment_date BETWEEN :from AND :to""")
                .param("h", hospitalId).param("c", channelId).param("from", month.atDay(1))
                .param("to", month.atEndOfMonth()).query(Integer.class).single();
    }

    void arrive(long hospitalId, long id, Instant at, String by) {
        jdbc.sql("UPDATE referral SET status = 'ARRIVED', arrived_at = :at, updated_by = :by"
                        + " WHERE hospital_id = :h AND id = :id")
                .param("at", utc(at)).param("by", by).param("h", hospitalId).param("id", id).update();
    }

    void convert(long hospitalId, long id, String feedback, Instant at, String by) {
        jdbc.sql("UPDATE referral SET status = 'CONVERTED', converted_at = :at, feedback = :f, updated_by = :by"
                        + " WHERE hospital_id = :h AND id = :id")
                .param("at", utc(at)).param("f", feedback).param("by", by).param("h", hospitalId).param("id", id)
                .update();
    }

    void decline(long hospitalId, long id, String reason, Instant at, String by) {
        jdbc.sql("UPDATE referral SET status = 'DECLINED', declined_at = :at, decline_reason = :r, updated_by = :by"
                        + " WHERE hospital_id = :h AND id = :id")
                .param("at", utc(at)).param("r", reason).param("by", by).param("h", hospitalId).param("id", id)
                .update();
    }

    void addEvent(long hospitalId, long referralId, String eventId, String type) {
        jdbc.sql("""
                        INSERT INTO referral_event (hospital_id, referral_id, event_id, type, position)
                        VALUES (:h, :r, :e, :t, (SELECT count(*) FROM referral_event
                                                 WHERE hospital_id = :h AND referral_id = :r))""")
                .param("h", hospitalId).param("r", referralId).param("e", eventId).param("t", type).update();
    }

    /**
     * Deletes the patient's name, phone and note of the hospital's referrals created before the cut-off; the
     * pseudonym stays. Returns how many referrals lost them.
     */
    int purgeContacts(long hospitalId, Instant createdBefore, Instant at) {
        return jdbc.sql("""
                        UPDATE referral SET patient_name = NULL, patient_phone = NULL, note = NULL, purged_at = :at
                        WHERE hospital_id = :h AND purged_at IS NULL AND created_at < :before""")
                .param("h", hospitalId).param("before", utc(createdBefore)).param("at", utc(at)).update();
    }

    // ---- departments ------------------------------------------------------------------------------

    List<String> departments(long hospitalId) {
        return jdbc.sql("SELECT name FROM referral_department WHERE hospital_id = :h ORDER BY position")
                .param("h", hospitalId).query(String.class).list();
    }

    void replaceDepartments(long hospitalId, List<String> names) {
        jdbc.sql("DELETE FROM referral_department WHERE hospital_id = :h").param("h", hospitalId).update();
        for (int i = 0; i < names.size(); i++) {
            jdbc.sql("INSERT INTO referral_department (hospital_id, name, position) VALUES (:h, :n, :p)")
                    .param("h", hospitalId).param("n", names.get(i)).param("p", i).update();
        }
    }

    // ---- rows ---------------------------------------------------------------------------------------

    private Referral row(long hospitalId, ResultSet rs) throws SQLException {
        byte[] name = rs.getBytes("patient_name");
        PatientContact patient = name == null ? null : new PatientContact(
                cipher.decrypt(hospitalId, "name", name),
                new PatientPhone(cipher.decrypt(hospitalId, "phone", rs.getBytes("patient_phone"))),
                cipher.decrypt(hospitalId, "note", rs.getBytes("note")));
        java.sql.Date date = rs.getDate("appointment_date");
        Appointment appointment = date == null ? null : new Appointment(date.toLocalDate(),
                rs.getString("appointment_department"), rs.getString("appointment_doctor"));
        return new Referral(rs.getLong("id"), rs.getLong("channel_id"), rs.getString("channel_code"),
                rs.getString("channel_name"), Urgency.valueOf(rs.getString("urgency")), rs.getString("department"),
                ReferralStatus.valueOf(rs.getString("status")), patient, rs.getString("patient_pseudonym"),
                instant(rs, "purged_at"), instant(rs, "created_at"), rs.getString("created_by"),
                instant(rs, "accepted_at"), instant(rs, "scheduled_at"), appointment, rs.getBoolean("green_channel"),
                instant(rs, "arrived_at"),
                instant(rs, "converted_at"), instant(rs, "declined_at"), rs.getString("decline_reason"),
                rs.getString("feedback"), List.of());
    }

    private List<Referral> withEvents(long hospitalId, List<Referral> referrals) {
        if (referrals.isEmpty()) {
            return referrals;
        }
        Map<Long, List<String>> events = new HashMap<>();
        jdbc.sql("""
                        SELECT referral_id, event_id FROM referral_event
                        WHERE hospital_id = :h AND referral_id IN (:ids) ORDER BY referral_id, position""")
                .param("h", hospitalId).param("ids", referrals.stream().map(Referral::id).toList())
                .query((rs, i) -> events.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        return referrals.stream().map(r -> new Referral(r.id(), r.channelId(), r.channelCode(), r.channelName(),
                r.urgency(), r.department(), r.status(), r.patient(), r.patientPseudonym(), r.purgedAt(),
                r.createdAt(), r.createdBy(), r.acceptedAt(), r.scheduledAt(), r.appointment(), r.greenChannel(),
                r.arrivedAt(),
                r.convertedAt(), r.declinedAt(), r.declineReason(), r.feedback(),
                events.getOrDefault(r.id(), List.of()))).toList();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }
}
