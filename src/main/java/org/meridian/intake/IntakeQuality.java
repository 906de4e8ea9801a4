package org.meridian.intake;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.meridian.shared.web.Paged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Data quality (数据质量) of what a hospital's systems send: the rejected rows of each import, referrals
 * whose acceptance precedes them or names another channel, referrals not accepted within the acceptance
 * SLA (受理时限), channels that stopped sending, and days on which a channel's referrals jump far above
 * its usual level. Everything is read with set-based SQL: pairs by grouping the live REFERRAL and ACCEPTED
 * events by referralId, channel activity from the daily rollups.
 */
@Service
@Transactional(readOnly = true)
public class IntakeQuality {

    /** A referral whose ACCEPTED precedes it ({@code acceptedFirst}) or names another channel ({@code otherChannel}). */
    public record PairIssue(String referralId, String referralEventId, long referralChannelId,
                            OffsetDateTime referredAt, String acceptedEventId, long acceptedChannelId,
                            OffsetDateTime acceptedAt, boolean acceptedFirst, boolean otherChannel) {
    }

    /**
     * A referral not accepted within the SLA: accepted late ({@code acceptedAt} set) or not accepted at all
     * although the SLA has passed ({@code acceptedAt} null); {@code hours} is the time to acceptance, or
     * waited so far.
     */
    public record LateReferral(String referralId, String referralEventId, long channelId, OffsetDateTime referredAt,
                               String acceptedEventId, OffsetDateTime acceptedAt, BigDecimal hours) {
        public boolean accepted() {
            return acceptedAt != null;
        }
    }

    /** How the late referrals are ordered. */
    public enum LateSort { HOURS, REFERRED }

    /** A channel that sent before but has sent nothing since {@code lastDate}. */
    public record QuietChannel(long channelId, LocalDate lastDate, long daysSilent, long referralsBefore) {
    }

    /** A day on which a channel's referrals reached {@code factor} times its mean of the 28 days before. */
    public record Burst(long channelId, LocalDate date, long referrals, BigDecimal usualPerDay, long arrivals) {
    }

    /** A rejected import row: its 1-based data row number, the values as received, and every reason. */
    public record Rejection(int row, String eventId, Map<String, String> values, List<String> reasons) {
    }

    /** Days before a burst day that make its usual level. */
    public static final int BURST_BASELINE_DAYS = 28;
    /** A burst day has at least this many referrals… */
    public static final int BURST_MINIMUM = 10;
    /** …and at least this many times the usual daily number. */
    public static final int BURST_FACTOR = 3;

    private final JdbcClient jdbc;
    private final Imports imports;
    private final Clock clock;

    IntakeQuality(JdbcClient jdbc, Imports imports, Clock clock) {
        this.jdbc = jdbc;
        this.imports = imports;
        this.clock = clock;
    }

    /** The referrals with a REFERRAL dated from–to (local dates) whose pair has a problem, newest first. */
    public Paged<PairIssue> pairIssues(long hospitalId, LocalDate from, LocalDate to, int page, int size) {
        Paged.check(page, size);
        String where = " FROM (" + Events.PAIRS + ") p WHERE referral_event IS NOT NULL AND accepted_event IS NOT NULL"
                + " AND referral_date BETWEEN :from AND :to"
                + " AND (accepted_at < referred_at OR accepted_channel <> referral_channel)";
        long total = jdbc.sql("SELECT count(*)" + where).param("h", hospitalId).param("from", from).param("to", to)
                .query(Long.class).single();
        List<PairIssue> items = jdbc.sql("SELECT referral_id, referral_event, referral_channel, referred_at,"
                        + " accepted_event, accepted_channel, accepted_at" + where
                        + " ORDER BY referred_at DESC, referral_id LIMIT :size OFFSET :offset")
                .param("h", hospitalId).param("from", from).param("to", to)
                .param("size", size).param("offset", (long) page * size)
                .query((rs, i) -> {
                    OffsetDateTime referred = rs.getObject(4, OffsetDateTime.class);
                    OffsetDateTime accepted = rs.getObject(7, OffsetDateTime.class);
                    return new PairIssue(rs.getString(1), rs.getString(2), rs.getLong(3), referred, rs.getString(5),
                            rs.getLong(6), accepted, accepted.isBefore(referred), rs.getLong(3) != rs.getLong(6));
                }).list();
        return new Paged<>(items, page, size, total);
    }

    /**
     * The referrals dated from–to (local dates) not accepted within {@code sla}: accepted later than
     * REFERRAL + sla, or not accepted although REFERRAL + sla has passed. Exactly {@code sla} is in time.
     */
    public Paged<LateReferral> lateReferrals(long hospitalId, Duration sla, LocalDate from, LocalDate to,
                                             LateSort sort, int page, int size) {
        Paged.check(page, size);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        String where = " FROM (" + Events.PAIRS + ") p WHERE referral_event IS NOT NULL"
                + " AND referral_date BETWEEN :from AND :to"
                + " AND ((accepted_at IS NULL AND referred_at + make_interval(secs => :sla) < :now)"
                + " OR accepted_at - referred_at > make_interval(secs => :sla))";
        long total = jdbc.sql("SELECT count(*)" + where).param("h", hospitalId).param("from", from).param("to", to)
                .param("sla", sla.toSeconds()).param("now", now).query(Long.class).single();
        String order = sort == LateSort.REFERRED ? "referred_at DESC, referral_id" : "hours DESC, referral_id";
        List<LateReferral> items = jdbc.sql("SELECT referral_id, referral_event, referral_channel, referred_at,"
                        + " accepted_event, accepted_at,"
                        + " round(extract(epoch FROM coalesce(accepted_at, :now) - referred_at) / 3600, 1) AS hours"
                        + where + " ORDER BY " + order + " LIMIT :size OFFSET :offset")
                .param("h", hospitalId).param("from", from).param("to", to).param("sla", sla.toSeconds())
                .param("now", now).param("size", size).param("offset", (long) page * size)
                .query((rs, i) -> new LateReferral(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getObject(6, OffsetDateTime.class),
                        rs.getBigDecimal(7)))
                .list();
        return new Paged<>(items, page, size, total);
    }

    /**
     * The channels whose last event is dated {@code days} or more days before {@code today} (local dates):
     * nothing in the last {@code days} days, while they had sent before. Longest silence first.
     */
    public List<QuietChannel> quietChannels(long hospitalId, LocalDate today, int days) {
        LocalDate limit = today.minusDays(days);
        return jdbc.sql("""
                        SELECT channel_id, max(local_date) AS last_date, sum(referrals) AS referrals
                        FROM intake_daily_rollup WHERE hospital_id = :h
                        GROUP BY channel_id HAVING max(local_date) <= :limit
                        ORDER BY last_date, channel_id""")
                .param("h", hospitalId).param("limit", limit)
                .query((rs, i) -> {
                    LocalDate last = rs.getObject(2, LocalDate.class);
                    return new QuietChannel(rs.getLong(1), last, today.toEpochDay() - last.toEpochDay(),
                            rs.getBigDecimal(3).longValue());
                }).list();
    }

    /**
     * The days from–to on which a channel's referrals were at least {@value #BURST_MINIMUM} and at least
     * {@value #BURST_FACTOR} times its mean per day over the {@value #BURST_BASELINE_DAYS} days before (days
     * without events count as 0). Largest first.
     */
    public List<Burst> bursts(long hospitalId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT channel_id, local_date, referrals, usual, arrivals FROM (
                          SELECT channel_id, local_date, referrals, arrivals,
                            coalesce(sum(referrals) OVER (PARTITION BY channel_id ORDER BY local_date
                              RANGE BETWEEN make_interval(days => :baseline) PRECEDING
                                AND INTERVAL '1 day' PRECEDING), 0) / :baseline AS usual
                          FROM intake_daily_rollup
                          WHERE hospital_id = :h AND local_date BETWEEN :start AND :to) d
                        WHERE local_date >= :from AND referrals >= :minimum AND referrals >= :factor * usual
                        ORDER BY referrals DESC, local_date, channel_id""")
                .param("h", hospitalId).param("baseline", BURST_BASELINE_DAYS)
                .param("start", from.minusDays(BURST_BASELINE_DAYS)).param("from", from).param("to", to)
                .param("minimum", BURST_MINIMUM).param("factor", BURST_FACTOR)
                .query((rs, i) -> new Burst(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        rs.getBigDecimal(3).longValue(), rs.getBigDecimal(4).setScale(1, java.math.RoundingMode.HALF_UP),
                        rs.getBigDecimal(5).longValue()))
                .list();
    }

    /** The imports started on the local dates from–to, newest first, and their rejected rows in all. */
    public record ImportsPage(Paged<EventImports.ImportRun> imports, long rejectedRows) {
    }

    /** The imports of the hospital started on the local dates from–to (in {@code zone}), newest first. */
    public ImportsPage imports(long hospitalId, ZoneId zone, LocalDate from, LocalDate to, int page, int size) {
        Paged.check(page, size);
        OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        long[] counts = imports.countBetween(hospitalId, start, end);
        return new ImportsPage(new Paged<>(imports.pageBetween(hospitalId, start, end, page, size), page, size,
                counts[0]), counts[1]);
    }

    /** How many daily rollup rows (channel-days) the hospital has. */
    public long rollupDays(long hospitalId) {
        return jdbc.sql("SELECT count(*) FROM intake_daily_rollup WHERE hospital_id = :h").param("h", hospitalId)
                .query(Long.class).single();
    }

    /** One import of the hospital, with its report. */
    public Optional<EventImports.ImportRun> importRun(long hospitalId, long importId) {
        return imports.find(hospitalId, importId);
    }

    /** The rejected rows of an import in row order, with the values as received (patient ids never). */
    public Paged<Rejection> rejections(long hospitalId, long importId, int page, int size) {
        Paged.check(page, size);
        return new Paged<>(imports.rejections(hospitalId, importId, page, size), page, size,
                imports.countRejections(hospitalId, importId));
    }
}
