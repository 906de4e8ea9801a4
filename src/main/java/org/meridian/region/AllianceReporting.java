package org.meridian.region;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.EvaluationResults;
import org.meridian.exam.Alliance;
import org.meridian.exam.AllianceRegistry;
import org.meridian.exam.NamedInstitution;
import org.meridian.exam.RepeatFigure;
import org.meridian.exam.RepeatFigures;
import org.meridian.intake.EventIntake;
import org.meridian.intake.ReferralOutCount;
import org.meridian.intake.StatisticsIntake;
import org.meridian.intake.UnitMeasureSum;
import org.meridian.shared.Actor;
import org.meridian.shared.Period;
import org.meridian.shared.Rate;
import org.meridian.shared.UnitKind;
import org.meridian.shared.UnitType;
import org.meridian.shared.problem.NotFoundException;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.HospitalProfile;
import org.meridian.shared.tenant.Hospitals;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The alliance report (医联体评价报告) of a period: each member's latest published scorecard, the alliance's
 * repeat-examination figures over its members' records, and each member's contribution to them. Seen by the region's
 * regulator and administrator, and by the staff (ANALYST and up) of a hospital one of whose institutions is a member;
 * anyone else is told the alliance does not exist (404). Repeat figures over fewer distinct patients than
 * {@code meridian.region.min-records} are hidden: a member's when none of its rows per item and month reaches it (the
 * patients of several rows are at least the largest row's), the alliance's when no member's does; and so are
 * referral counts and visits from 1 to one below it (counts of events, not of patients). The referrals are the members' REFERRAL_OUT events
 * (intake): upward from a member to the lead, downward from the lead to a member; a referral between two members
 * that do not lead, or to an institution outside the alliance, is neither. The primary-care visit share
 * (基层诊疗量占比) is the visits (the statistic {@code outpatient_visits}, 门急诊人次) of the primary-care members over
 * those of all members, each member's visits reported by its hospital as a statistic of the member's unit (for a
 * hospital itself, an INSTITUTION unit with the hospital's own code; docs/region.md).
 */
@Service
public class AllianceReporting {

    private final AllianceRegistry alliances;
    private final RepeatFigures repeats;
    private final EvaluationResults evaluations;
    private final RegionOverview overview;
    private final Hospitals hospitals;
    private final EventIntake events;
    private final StatisticsIntake statistics;
    private final int minRecords;

    AllianceReporting(AllianceRegistry alliances, RepeatFigures repeats, EvaluationResults evaluations,
                      RegionOverview overview, Hospitals hospitals, EventIntake events, StatisticsIntake statistics,
                      @Value("${meridian.region.min-records:5}") int minRecords) {
        this.events = events;
        this.statistics = statistics;
        this.alliances = alliances;
        this.repeats = repeats;
        this.evaluations = evaluations;
        this.overview = overview;
        this.hospitals = hospitals;
        this.minRecords = minRecords;
    }

    public int minRecords() {
        return minRecords;
    }

    /** The alliances of the region the actor may read, by code. */
    public List<Alliance> visible(Actor actor) {
        return alliances.all(actor).stream().filter(a -> sees(actor, a)).toList();
    }

    /** @throws NotFoundException for an unknown code, another region's alliance, or one the actor may not read */
    public AllianceFigures report(Actor actor, String code, Period period) {
        Alliance alliance = alliances.find(actor, code).filter(a -> sees(actor, a))
                .orElseThrow(() -> new NotFoundException("region", "alliance", code, "region.problem.allianceNotFound"));
        Map<String, long[]> counts = new HashMap<>();
        Map<String, BigDecimal> costs = new HashMap<>();
        for (RepeatFigure f : repeats.figures(Actor.system(actor.hospitalId(), "alliance-report"),
                new RepeatFigures.Query(period, null, null, code, null), false)) {
            String ref = f.institution().reference();
            long[] c = counts.computeIfAbsent(ref, k -> new long[3]);
            c[0] += f.records();
            c[1] += f.repeats();
            c[2] = Math.max(c[2], f.patients());
            costs.merge(ref, f.avoidableCost(), BigDecimal::add);
        }
        long records = 0;
        long reps = 0;
        long patients = 0;
        BigDecimal cost = BigDecimal.ZERO;
        for (NamedInstitution m : alliance.members()) {
            long[] c = counts.getOrDefault(m.reference(), new long[3]);
            records += c[0];
            reps += c[1];
            patients = Math.max(patients, c[2]);
            cost = cost.add(costs.getOrDefault(m.reference(), BigDecimal.ZERO));
        }
        HospitalFigures.Repeats total = repeats(records, reps, cost, patients);
        Map<String, long[]> referrals = referrals(alliance, period);
        long upward = 0;
        long downward = 0;
        for (long[] r : referrals.values()) {
            upward += r[0];
            downward += r[1];
        }
        AllianceFigures.Count up = AllianceFigures.Count.of(upward, minRecords);
        AllianceFigures.Count down = AllianceFigures.Count.of(downward, minRecords);
        AllianceFigures.Referrals allianceReferrals = new AllianceFigures.Referrals(up, down,
                up.hidden() || down.hidden() || upward + downward == 0 ? null : Rate.of(downward, upward + downward));
        List<AllianceFigures.Member> members = new ArrayList<>();
        Map<String, AllianceFigures.Visits> visits = new HashMap<>();
        for (NamedInstitution m : alliance.members()) {
            visits.put(m.reference(), visits(m, period));
        }
        for (NamedInstitution m : alliance.members()) {
            long[] c = counts.getOrDefault(m.reference(), new long[3]);
            HospitalFigures.Repeats own = repeats(c[0], c[1], costs.getOrDefault(m.reference(), BigDecimal.ZERO), c[2]);
            Rate recordShare = own == null || total == null ? null : Rate.of(c[0], records);
            Rate repeatShare = own == null || total == null || reps == 0 ? null : Rate.of(c[1], reps);
            boolean lead = m.equals(alliance.lead());
            members.add(new AllianceFigures.Member(m, lead, scorecard(m).orElse(null), own, c[0],
                    recordShare, repeatShare, lead ? null : memberReferrals(referrals.getOrDefault(m.reference(),
                            new long[2]), up, upward, down, downward), visits.get(m.reference())));
        }
        return new AllianceFigures(alliance, period, total, records, allianceReferrals,
                primaryCare(alliance, visits), members);
    }

    /**
     * A member's visits in the period: the monthly values of {@code outpatient_visits} its hospital reported for it
     * (for a hospital itself, for its INSTITUTION unit with the hospital's own code), added up.
     */
    private AllianceFigures.Visits visits(NamedInstitution m, Period period) {
        Optional<HospitalProfile> h = hospitals.findByCode(m.hospital()).flatMap(x -> hospitals.profile(x.id()));
        if (h.isEmpty()) {
            return new AllianceFigures.Visits(false, false, 0, null, false);
        }
        Optional<UnitMeasureSum> sum = statistics.sumOfUnit(Actor.system(h.get().id(), "alliance-report"), m.code(),
                AllianceFigures.VISITS, YearMonth.from(period.firstDay()), YearMonth.from(period.lastDay()));
        boolean self = m.code().equals(m.hospital());
        boolean primary = self ? h.get().type() == UnitType.PRIMARY_CARE
                : sum.map(s -> s.type() == UnitType.PRIMARY_CARE).orElse(false);
        boolean unit = sum.filter(s -> s.type().kind() == UnitKind.INSTITUTION).isPresent();
        if (!unit || sum.get().sum() == null) {
            return new AllianceFigures.Visits(primary, unit, 0, null, false);
        }
        BigDecimal v = sum.get().sum();
        boolean hidden = v.signum() > 0 && v.compareTo(BigDecimal.valueOf(minRecords)) < 0;
        return new AllianceFigures.Visits(primary, true, sum.get().months(), hidden ? null : v, hidden);
    }

    /** The primary-care visit share of the members' visits, or why it cannot be given. */
    private static AllianceFigures.PrimaryCare primaryCare(Alliance alliance, Map<String, AllianceFigures.Visits> visits) {
        List<String> unreported = new ArrayList<>();
        boolean hidden = false;
        BigDecimal primary = BigDecimal.ZERO;
        BigDecimal all = BigDecimal.ZERO;
        for (NamedInstitution m : alliance.members()) {
            AllianceFigures.Visits v = visits.get(m.reference());
            if (!v.reported()) {
                unreported.add(m.reference());
            } else if (v.hidden()) {
                hidden = true;
            } else {
                all = all.add(v.visits());
                primary = v.primaryCare() ? primary.add(v.visits()) : primary;
            }
        }
        if (!unreported.isEmpty() || hidden) {
            return new AllianceFigures.PrimaryCare(null, null, null, unreported, hidden);
        }
        return new AllianceFigures.PrimaryCare(primary, all, all.signum() == 0 ? null
                : new Rate(primary, all), unreported, false);
    }

    /**
     * Per member that does not lead, by its reference: {upward to the lead, downward from the lead}, read from the
     * REFERRAL_OUT events of every member's hospital over the period's local dates.
     */
    private Map<String, long[]> referrals(Alliance alliance, Period period) {
        String lead = alliance.lead() == null ? null : alliance.lead().reference();
        Map<String, long[]> byMember = new HashMap<>();
        if (lead == null) {
            return byMember;
        }
        java.util.Set<String> members = new java.util.HashSet<>();
        java.util.Set<String> memberHospitals = new java.util.TreeSet<>();
        for (NamedInstitution m : alliance.members()) {
            members.add(m.reference());
            memberHospitals.add(m.hospital());
        }
        for (String code : memberHospitals) {
            Optional<Hospital> h = hospitals.findByCode(code);
            if (h.isEmpty()) {
                continue;
            }
            for (ReferralOutCount r : events.referralsOut(h.get().id(), period.firstDay(), period.lastDay())) {
                String from = r.from() == null ? code : r.from();
                if (!members.contains(from) || !members.contains(r.to())) {
                    continue;
                }
                if (r.to().equals(lead) && !from.equals(lead)) {
                    byMember.computeIfAbsent(from, k -> new long[2])[0] += r.count();
                } else if (from.equals(lead) && !r.to().equals(lead)) {
                    byMember.computeIfAbsent(r.to(), k -> new long[2])[1] += r.count();
                }
            }
        }
        return byMember;
    }

    private AllianceFigures.MemberReferrals memberReferrals(long[] own, AllianceFigures.Count up, long upward,
                                                           AllianceFigures.Count down, long downward) {
        AllianceFigures.Count myUp = AllianceFigures.Count.of(own[0], minRecords);
        AllianceFigures.Count myDown = AllianceFigures.Count.of(own[1], minRecords);
        return new AllianceFigures.MemberReferrals(
                myUp, myUp.hidden() || up.hidden() || upward == 0 ? null : Rate.of(own[0], upward),
                myDown, myDown.hidden() || down.hidden() || downward == 0 ? null : Rate.of(own[1], downward));
    }

    private boolean sees(Actor actor, Alliance a) {
        if (RegionVisibility.reads(actor)) {
            return true;
        }
        if (!actor.has(Role.ANALYST)) {
            return false;
        }
        String own = hospitals.find(actor.hospitalId()).map(Hospital::code).orElse(null);
        return a.members().stream().anyMatch(m -> m.hospital().equals(own));
    }

    /** The figures, or null when the patients they are known to cover at least are fewer than the threshold. */
    private HospitalFigures.Repeats repeats(long records, long reps, BigDecimal cost, long patients) {
        return patients < minRecords ? null
                : new HospitalFigures.Repeats(records, reps, Rate.of(reps, records).fraction(), cost);
    }

    /** A member's latest published scorecard, read as Meridian in the member's hospital. */
    private Optional<AllianceFigures.Scorecard> scorecard(NamedInstitution m) {
        Optional<Hospital> h = hospitals.findByCode(m.hospital());
        if (h.isEmpty()) {
            return Optional.empty();
        }
        if (m.code().equals(m.hospital())) {
            return overview.latestPublished(h.get().id()).map(p -> new AllianceFigures.Scorecard(p.period(),
                    p.unitType(), p.units(), p.meanTotal()));
        }
        Actor reader = Actor.system(h.get().id(), "alliance-report");
        for (Evaluation e : evaluations.search(reader, null, null, 0, 50).items()) {
            if (e.published()) {
                var card = evaluations.scorecard(reader, e.id(), m.code());
                if (card.isPresent()) {
                    return Optional.of(new AllianceFigures.Scorecard(e.period(), e.unitType(), 1,
                            card.get().total() == null ? null : card.get().roundedTotal()));
                }
            }
        }
        return Optional.empty();
    }
}
