package org.meridian.intake;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.meridian.indicator.Measure;
import org.meridian.shared.Actor;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.problem.RefusedException;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospitals;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * The intake facade (数据采集): records batches of events with the rules of engine.md §2 (validation,
 * idempotency by eventId, one live REFERRAL and ACCEPTED per referral), voids events, and answers the
 * measures of any period per channel from the exact daily rollups.
 */
@Service
public class EventIntake {

    /** Where a batch came from; stored with each event. PORTAL: the referral module's steps (docs/referrals.md). */
    public enum Source { API, CSV, XLSX, FHIR, PORTAL }

    private final Events events;
    private final DailyRollups rollups;
    private final DepartmentEvents departmentEvents;
    private final ChannelCodes channels;
    private final Pseudonymiser pseudonymiser;
    private final Hospitals hospitals;
    private final AuditLog audit;
    private final Clock clock;
    private final ReferralsOut referralsOut;
    private final org.springframework.beans.factory.ObjectProvider<ReferralInstitutions> referralInstitutions;

    EventIntake(Events events, DailyRollups rollups, ChannelCodes channels, Pseudonymiser pseudonymiser,
                  Hospitals hospitals, AuditLog audit, Clock clock, DepartmentEvents departmentEvents,
                  ReferralsOut referralsOut,
                  org.springframework.beans.factory.ObjectProvider<ReferralInstitutions> referralInstitutions) {
        this.departmentEvents = departmentEvents;
        this.referralsOut = referralsOut;
        this.referralInstitutions = referralInstitutions;
        this.events = events;
        this.rollups = rollups;
        this.channels = channels;
        this.pseudonymiser = pseudonymiser;
        this.hospitals = hospitals;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records a batch in one transaction: every valid, new row is stored and added to the rollups, or none
     * is (a failure leaves nothing half-done, and a retry is safe because re-sent rows are duplicates).
     *
     * @param rows       the rows in source order
     * @param firstIndex the index reported for the first row (0 for a JSON array, 1 for a file's first data row)
     */
    @Transactional
    public IngestReport record(Actor actor, List<RawEvent> rows, int firstIndex, Source source, Long importId) {
        List<Integer> indexes = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            indexes.add(firstIndex + i);
        }
        return record(actor, rows, indexes, source, importId);
    }

    /** As {@link #record(Actor, List, int, Source, Long)}, each row reported with its own index. */
    @Transactional
    public IngestReport record(Actor actor, List<RawEvent> rows, List<Integer> indexes, Source source,
                               Long importId) {
        return record(prepare(actor, rows, indexes, source, importId));
    }

    /**
     * A batch validated, pseudonymised and encoded for storage, not yet checked against the stored events: what
     * {@link #prepare} does reads no event, so it may run before, and beside, the recording of an earlier batch.
     */
    public static final class Prepared {
        private final long hospitalId;
        private final List<RawEvent> rows;
        private final List<Integer> indexes;
        private final List<EventValidator.Result> results;
        private final List<StoredEvent> candidates;
        private final List<Events.NewEvent> newEvents;
        private final Events.EncodedRows encoded;
        private final Set<String> eventIds;
        private final Set<String> referralIds;
        private final int localTimes;

        private Prepared(long hospitalId, List<RawEvent> rows, List<Integer> indexes, List<EventValidator.Result> results,
                         List<StoredEvent> candidates, List<Events.NewEvent> newEvents, Events.EncodedRows encoded,
                         Set<String> eventIds, Set<String> referralIds, int localTimes) {
            this.localTimes = localTimes;
            this.hospitalId = hospitalId;
            this.rows = rows;
            this.indexes = indexes;
            this.results = results;
            this.candidates = candidates;
            this.newEvents = newEvents;
            this.encoded = encoded;
            this.eventIds = eventIds;
            this.referralIds = referralIds;
        }

        /** The rows as they came. */
        public List<RawEvent> rows() {
            return rows;
        }

        /** The index reported for each row. */
        public List<Integer> indexes() {
            return indexes;
        }

        /** How many rows gave their occurredAt without offset, read in the hospital's time zone (files only). */
        public int localTimes() {
            return localTimes;
        }
    }

    /**
     * Checks each row on its own (engine.md §2 rules that need no stored event), pseudonymises patient ids and
     * encodes the rows for storage; nothing is stored. Pass the result to {@link #record(Prepared)}.
     */
    public Prepared prepare(Actor actor, List<RawEvent> rows, List<Integer> indexes, Source source, Long importId) {
        long hospitalId = actor.hospitalId();
        ZoneId zone = zone(hospitalId);
        Map<String, Optional<Long>> channelCache = new HashMap<>();
        ReferralInstitutions institutions = referralInstitutions.getIfAvailable();
        Map<String, Optional<String>> destinations = new HashMap<>();
        Map<String, Optional<String>> origins = new HashMap<>();
        // a file's time without offset is the hospital's wall-clock time; JSON and FHIR keep requiring an offset
        boolean localTimes = source == Source.CSV || source == Source.XLSX;
        EventValidator validator = institutions == null
                ? new EventValidator(code -> channelCache.computeIfAbsent(code, c -> channels.idOf(hospitalId, c)),
                        zone, clock.instant(), localTimes)
                : new EventValidator(code -> channelCache.computeIfAbsent(code, c -> channels.idOf(hospitalId, c)),
                        zone, clock.instant(),
                        code -> destinations.computeIfAbsent(code, c -> institutions.destination(hospitalId, c)),
                        code -> origins.computeIfAbsent(String.valueOf(code),
                                c -> institutions.origin(hospitalId, code)), localTimes);
        List<EventValidator.Result> results = new ArrayList<>(rows.size());
        List<StoredEvent> candidates = new ArrayList<>(rows.size());
        List<Events.NewEvent> newEvents = new ArrayList<>(rows.size());
        Set<String> eventIds = new LinkedHashSet<>();
        Set<String> referralIds = new LinkedHashSet<>();
        for (RawEvent row : rows) {
            EventValidator.Result result = validator.validate(row);
            results.add(result);
            StoredEvent candidate = result.ok() ? stored(result.valid()) : null;
            candidates.add(candidate);
            newEvents.add(candidate == null ? null : new Events.NewEvent(candidate, source.name(), importId, actor.username()));
            if (row.eventId() != null && !row.eventId().isBlank() && EventValidator.isStorable(row.eventId())) {
                eventIds.add(row.eventId()); // a text PostgreSQL cannot store cannot be stored already
            }
            if (result.ok() && result.valid().type().needsReferralId()) {
                referralIds.add(result.valid().referralId());
            }
        }
        return new Prepared(hospitalId, rows, indexes, results, candidates, newEvents,
                events.encode(hospitalId, newEvents), eventIds, referralIds, validator.readAsLocal());
    }

    /**
     * Records a prepared batch in one transaction, as {@link #record(long, List, List, Source, Long, String)}: the
     * rules that need the stored events (idempotency, one live REFERRAL and ACCEPTED per referral) are checked
     * under the hospital's write lock, then the accepted rows and their rollup changes are written.
     */
    @Transactional
    public IngestReport record(Prepared batch) {
        long hospitalId = batch.hospitalId;
        List<RawEvent> rows = batch.rows;
        List<Integer> indexes = batch.indexes;
        List<EventValidator.Result> results = batch.results;
        List<StoredEvent> candidates = batch.candidates;
        List<Events.NewEvent> newEvents = batch.newEvents;
        Events.EncodedRows encoded = batch.encoded;
        Set<String> eventIds = batch.eventIds;
        Set<String> referralIds = batch.referralIds;
        // validating, pseudonymising and encoding read no event and were done before the lock, so that concurrent
        // batches of one hospital overlap in that part and wait only for the rule checks and the writes
        events.lockHospital(hospitalId);
        Map<String, StoredEvent> known = events.findByEventIds(hospitalId, eventIds);
        Map<String, Pair> pairs = new HashMap<>();
        for (StoredEvent e : events.livePairMembers(hospitalId, referralIds)) {
            pairs.computeIfAbsent(e.content().referralId(), r -> new Pair()).put(e);
        }

        RollupChanges changes = new RollupChanges();
        List<Events.NewEvent> accepted = new ArrayList<>();
        List<Integer> acceptedPositions = new ArrayList<>();
        List<IngestReport.RejectedRow> rejected = new ArrayList<>();
        List<IngestReport.RowWarning> warnings = new ArrayList<>();
        List<Integer> duplicateIndexes = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            RawEvent row = rows.get(i);
            EventValidator.Result result = results.get(i);
            List<String> errors = new ArrayList<>(result.errors());
            StoredEvent candidate = candidates.get(i);
            StoredEvent earlier = row.eventId() == null ? null : known.get(row.eventId());
            if (earlier != null) {
                if (candidate != null && candidate.content().sameMeaningAs(earlier.content())) {
                    duplicateIndexes.add(indexes.get(i));
                    continue;
                }
                errors.add("eventId '" + row.eventId() + "' is already taken by an event with different content"
                        + " (a correction needs a new eventId)");
            }
            Pair pair = null;
            if (candidate != null && candidate.type().needsReferralId()) {
                pair = pairs.computeIfAbsent(candidate.content().referralId(), r -> new Pair());
                StoredEvent live = pair.get(candidate.type());
                if (live != null) {
                    errors.add("referral '" + candidate.content().referralId() + "' already has a " + candidate.type()
                            + " event ('" + live.eventId() + "')");
                }
            }
            if (!errors.isEmpty()) {
                rejected.add(new IngestReport.RejectedRow(indexes.get(i), row.eventId(), errors));
                continue;
            }
            accepted.add(newEvents.get(i));
            acceptedPositions.add(i);
            known.put(candidate.eventId(), candidate);
            changes.add(candidate.content().channelId(), candidate.localDate(), Contributions.of(candidate.content()));
            if (pair != null) {
                pair.put(candidate);
                List<String> problems = pair.completeWith(changes);
                if (!problems.isEmpty()) {
                    warnings.add(new IngestReport.RowWarning(indexes.get(i), row.eventId(), problems));
                }
            }
        }
        events.insert(encoded, acceptedPositions);
        rollups.apply(hospitalId, changes.byDay());
        return new IngestReport(accepted.size(), duplicateIndexes.size(), rejected, warnings, duplicateIndexes);
    }

    /**
     * Records a batch only if every row can be stored (a FHIR transaction): when any row is rejected, or
     * {@code otherProblems} says the caller found some, nothing is stored and the report lists the rejected rows.
     */
    @Transactional
    public IngestReport recordAllOrNothing(Actor actor, List<RawEvent> rows, List<Integer> indexes, Source source,
                                           boolean otherProblems) {
        IngestReport report = record(actor, rows, indexes, source, null);
        if (report.rejected().isEmpty() && !otherProblems) {
            return report;
        }
        TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        return new IngestReport(0, 0, report.rejected(), List.of());
    }

    /**
     * The pseudonym intake stores for a source's patient id (HMAC-SHA-256 under the deployment's key, 64 hex digits),
     * so that a module keeping a reference to a patient keeps exactly what the events carry and never the clear id.
     */
    public String pseudonym(String patientId) {
        return pseudonymiser.pseudonym(patientId);
    }

    /**
     * Voids (作废) an event: it stays stored with who, when and why, its eventId stays taken, and every
     * measure reads as if it had never come (a pair it belonged to is removed too).
     *
     * @throws EventNotFoundException       when the hospital has no such event
     * @throws EventAlreadyVoidedException  when it was voided before
     */
    @Transactional
    public void voidEvent(Actor actor, String eventId, String reason) {
        long hospitalId = actor.hospitalId();
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required to void an event");
        }
        events.lockHospital(hospitalId);
        StoredEvent event = events.findByEventId(hospitalId, eventId)
                .orElseThrow(() -> new EventNotFoundException(eventId));
        if (event.voided()) {
            throw new EventAlreadyVoidedException(eventId);
        }
        events.markVoided(hospitalId, eventId, actor.username(), reason, clock.instant());
        RollupChanges changes = new RollupChanges();
        changes.add(event.content().channelId(), event.localDate(), Contributions.of(event.content()).negated());
        if (event.type().needsReferralId()) {
            Pair pair = new Pair();
            events.livePairMembers(hospitalId, List.of(event.content().referralId())).forEach(pair::put);
            pair.put(event);
            pair.removeFrom(changes);
        }
        rollups.apply(hospitalId, changes.byDay());
        audit.record(hospitalId, actor.username(), "EVENT_VOIDED", eventId, Map.of("reason", reason, "type", event.type().name()));
    }

    /** A channel's event as a person picks it (to void it on an appeal's decision, say). */
    public record ChannelEvent(String eventId, EventType type, java.time.Instant occurredAt, String referralId,
                               BigDecimal value, boolean voided) {
    }

    /**
     * One page of a channel's events over the local dates from–to (inclusive), the latest first, voided ones
     * included and marked; {@code type} narrows to one event type (null: all). For the channel office.
     */
    @Transactional(readOnly = true)
    public org.meridian.shared.web.Paged<ChannelEvent> channelEvents(Actor actor, long channelId, LocalDate from,
                                                                      LocalDate to, EventType type, int page, int size) {
        return events.ofChannel(actor.hospitalId(), channelId, from, to, type == null ? null : type.name(),
                        Math.max(page, 0), size)
                .map(e -> new ChannelEvent(e.eventId(), e.type(), e.content().occurredAt(), e.content().referralId(),
                        e.content().value(), e.voided()));
    }

    /**
     * The measure totals of each channel over the local dates from–to (inclusive), from the daily rollups.
     * A channel without events in the period is absent (its measures are all 0).
     */
    @Transactional(readOnly = true)
    public Map<Long, Map<Measure, BigDecimal>> totals(long hospitalId, LocalDate from, LocalDate to) {
        return rollups.totals(hospitalId, from, to);
    }

    /**
     * The hospital's live REFERRAL_OUT events over the local dates from–to (inclusive), counted by referring and
     * receiving institution (region-wide references, as stored when the event was accepted). Aggregates only: the
     * alliance report reads them for its members (docs/region.md).
     */
    @Transactional(readOnly = true)
    public List<ReferralOutCount> referralsOut(long hospitalId, LocalDate from, LocalDate to) {
        return referralsOut.count(hospitalId, from, to);
    }

    /**
     * The event measures of each department named by events ({@code attributes.department} = its code) over the local
     * dates from–to (inclusive), by department code; a department no event names is absent (its measures are 0).
     * A REFERRAL/ACCEPTED pair's response counts for the department its ACCEPTED event names.
     */
    @Transactional(readOnly = true)
    public Map<String, Map<Measure, BigDecimal>> departmentTotals(long hospitalId, LocalDate from, LocalDate to) {
        return departmentEvents.totals(hospitalId, from, to);
    }

    /**
     * The whole hospital's measures per calendar month, all channels added up, for the months from–to (inclusive),
     * from the monthly rollups; a month without events is absent (all its measures are 0). For the hospital's own
     * staff (analyst and above); a channel's user is refused (403, {@code hospital-figures}), as it sees only its own
     * channel.
     */
    @Transactional(readOnly = true)
    public Map<YearMonth, Map<Measure, BigDecimal>> monthlyTotals(Actor actor, YearMonth from, YearMonth to) {
        RefusedException.unless(actor.isSystem() || actor.has(Role.ANALYST), "intake", "hospital-figures",
                "intake.problem.hospitalFigures", actor.username() + " may not read the hospital's monthly totals");
        Map<YearMonth, Map<Measure, BigDecimal>> result = new java.util.TreeMap<>();
        rollups.hospitalMonths(actor.hospitalId(), from.atDay(1), to.atDay(1))
                .forEach((month, sums) -> result.put(YearMonth.from(month), sums));
        return result;
    }

    /**
     * Every channel's measures per calendar month for the months from–to (inclusive), from the monthly rollups, by
     * channel id; a month without events of a channel is absent (its measures are 0), and so is a channel without any.
     */
    @Transactional(readOnly = true)
    public Map<Long, Map<YearMonth, Map<Measure, BigDecimal>>> channelMonths(long hospitalId, YearMonth from,
                                                                             YearMonth to) {
        Map<Long, Map<YearMonth, Map<Measure, BigDecimal>>> result = new java.util.HashMap<>();
        rollups.channelMonths(hospitalId, from.atDay(1), to.atDay(1)).forEach((channel, months) -> {
            Map<YearMonth, Map<Measure, BigDecimal>> byMonth = new java.util.TreeMap<>();
            months.forEach((month, sums) -> byMonth.put(YearMonth.from(month), sums));
            result.put(channel, byMonth);
        });
        return result;
    }

    /** One channel's measures per local date from–to; days without events are absent. */
    @Transactional(readOnly = true)
    public Map<LocalDate, Map<Measure, BigDecimal>> daily(long hospitalId, long channelId, LocalDate from, LocalDate to) {
        return rollups.daily(hospitalId, channelId, from, to);
    }

    /** Whether a rollup row is a day's or a month's. */
    public enum Grain { DAY, MONTH }

    /**
     * A rollup value that differs from what the events say.
     *
     * @param date the local date of a daily row, the first day of the month of a monthly row
     */
    public record RollupDifference(long channelId, LocalDate date, Measure measure, BigDecimal stored,
                                   BigDecimal recomputed, Grain grain) {
    }

    /**
     * Recomputes every daily rollup of the hospital from its live events and lists where the stored daily rollups
     * differ, then where the stored monthly rollups differ from those recomputed days added up by month; empty
     * when they are exact.
     */
    @Transactional(readOnly = true)
    public List<RollupDifference> checkRollups(long hospitalId) {
        Map<DailyRollups.Day, MeasureSums> recomputed = rollups.recomputeFromEvents(hospitalId, zone(hospitalId).getId());
        List<RollupDifference> differences = new ArrayList<>();
        compare(rollups.all(hospitalId), recomputed, Grain.DAY, differences);
        compare(rollups.allMonths(hospitalId), DailyRollups.byMonth(recomputed), Grain.MONTH, differences);
        return differences;
    }

    private static void compare(Map<DailyRollups.Day, MeasureSums> stored, Map<DailyRollups.Day, MeasureSums> recomputed,
                                Grain grain, List<RollupDifference> differences) {
        Set<DailyRollups.Day> days = new TreeSet<>((a, b) -> a.channelId() != b.channelId()
                ? Long.compare(a.channelId(), b.channelId()) : a.date().compareTo(b.date()));
        days.addAll(stored.keySet());
        days.addAll(recomputed.keySet());
        for (DailyRollups.Day day : days) {
            MeasureSums s = stored.getOrDefault(day, new MeasureSums());
            MeasureSums r = recomputed.getOrDefault(day, new MeasureSums());
            for (Measure m : Measure.values()) {
                if (s.get(m).compareTo(r.get(m)) != 0) {
                    differences.add(new RollupDifference(day.channelId(), day.date(), m, s.get(m), r.get(m), grain));
                }
            }
        }
    }

    /**
     * The number of the hospital's events that name an import the hospital does not have (0 when all is well).
     * The event table keeps no foreign key to its imports, for the speed of intake; this is the check instead.
     */
    @Transactional(readOnly = true)
    public long eventsOfUnknownImports(long hospitalId) {
        return events.ofUnknownImports(hospitalId);
    }

    /** A referral whose REFERRAL and ACCEPTED disagree (engine.md §2: reported as data-quality problems). */
    public record PairProblem(String referralId, String referralEventId, String acceptedEventId,
                              boolean acceptedFirst, boolean otherChannel) {
    }

    /** The live pairs whose ACCEPTED precedes the REFERRAL or names another channel. */
    @Transactional(readOnly = true)
    public List<PairProblem> pairProblems(long hospitalId) {
        return events.pairProblems(hospitalId);
    }

    /** The hospital's time zone, in which a file's times without offset are read. */
    ZoneId zone(long hospitalId) {
        return hospitals.find(hospitalId).orElseThrow(() -> new IllegalStateException("no hospital " + hospitalId))
                .timeZone();
    }

    private StoredEvent stored(EventValidator.Valid v) {
        return new StoredEvent(v.eventId(), new EventContent(v.type(), v.channelId(), v.occurredAt(), v.referralId(),
                pseudonymiser.pseudonym(v.patientId()), v.value(), v.attributes()), v.localDate(), false);
    }

    /** The live REFERRAL and ACCEPTED of one referralId. */
    private static final class Pair {
        private StoredEvent referral;
        private StoredEvent accepted;

        StoredEvent get(EventType type) {
            return type == EventType.REFERRAL ? referral : accepted;
        }

        void put(StoredEvent e) {
            if (e.type() == EventType.REFERRAL) {
                referral = e;
            } else {
                accepted = e;
            }
        }

        /** Adds the pair to the changes when it counts; returns its data-quality problems. */
        List<String> completeWith(RollupChanges changes) {
            List<String> problems = new ArrayList<>();
            if (referral == null || accepted == null) {
                return problems;
            }
            EventContent r = referral.content();
            EventContent a = accepted.content();
            if (Contributions.counts(r.occurredAt(), a.occurredAt())) {
                changes.add(r.channelId(), accepted.localDate(), Contributions.pair(r.occurredAt(), a.occurredAt()));
            } else {
                problems.add("ACCEPTED '" + accepted.eventId() + "' precedes its REFERRAL '" + referral.eventId()
                        + "'; the pair is not counted in the response time");
            }
            if (r.channelId() != a.channelId()) {
                problems.add("ACCEPTED '" + accepted.eventId() + "' names another channel than its REFERRAL '"
                        + referral.eventId() + "'; the response counts for the REFERRAL's channel");
            }
            return problems;
        }

        /** Takes a counted pair out of the changes (for a void). */
        void removeFrom(RollupChanges changes) {
            if (referral == null || accepted == null) {
                return;
            }
            EventContent r = referral.content();
            EventContent a = accepted.content();
            if (Contributions.counts(r.occurredAt(), a.occurredAt())) {
                changes.add(r.channelId(), accepted.localDate(),
                        Contributions.pair(r.occurredAt(), a.occurredAt()).negated());
            }
        }
    }

    /** Changes to the rollups, per channel and local date, collected before they are written at once. */
    private static final class RollupChanges {
        private final Map<DailyRollups.Day, MeasureSums> byDay = new HashMap<>();

        void add(long channelId, LocalDate date, MeasureSums sums) {
            byDay.computeIfAbsent(new DailyRollups.Day(channelId, date), d -> new MeasureSums()).add(sums);
        }

        Map<DailyRollups.Day, MeasureSums> byDay() {
            return byDay;
        }
    }
}
