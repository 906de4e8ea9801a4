package org.meridian.region;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
import org.meridian.shared.Actor;
import org.meridian.shared.Period;
import org.meridian.shared.problem.NotFoundException;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The alliance report (医联体评价报告) of a period: each member's latest published scorecard, the alliance's
 * repeat-examination figures over its members' records, and each member's contribution to them. Seen by the region's
 * regulator and administrator, and by the staff (ANALYST and up) of a hospital one of whose institutions is a member;
 * anyone else is told the alliance does not exist (404). Aggregates below {@code meridian.region.min-records} records
 * are hidden, and so are referral counts from 1 to one below it. The referrals are the members' REFERRAL_OUT events
 * (intake): upward from a member to the lead, downward from the lead to a member; a referral between two members
 * that do not lead, or to an institution outside the alliance, is neither. The primary-care visit share is not
 * computed yet (docs/region.md).
 */
@Service
public class AllianceReporting {

    private final AllianceRegistry alliances;
    private final RepeatFigures repeats;
    private final EvaluationResults evaluations;
    private final RegionOverview overview;
    private final Hospitals hospitals;
    private final EventIntake events;
    private final int minRecords;

    AllianceReporting(AllianceRegistry alliances, RepeatFigures repeats, EvaluationResults evaluations,
                      RegionOverview overview, Hospitals hospitals, EventIntake events,
                      @Value("${meridian.region.min-records:5}") int minRecords) {
        this.events = events;
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
            long[] c = counts.computeIfAbsent(ref, k -> new long[2]);
            c[0] += f.records();
            c[1] += f.repeats();
            costs.merge(ref, f.avoidableCost(), BigDecimal::add);
        }
        long records = 0;
        long reps = 0;
        BigDecimal cost = BigDecimal.ZERO;
        for (NamedInstitution m : alliance.members()) {
            long[] c = counts.getOrDefault(m.reference(), new long[2]);
            records += c[0];
            reps += c[1];
            cost = cost.add(costs.getOrDefault(m.reference(), BigDecimal.ZERO));
        }
        HospitalFigures.Repeats total = repeats(records, reps, cost);
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
                up.hidden() || down.hidden() || upward + downward == 0 ? null : referralShare(downward, upward + downward));
        List<AllianceFigures.Member> members = new ArrayList<>();
        for (NamedInstitution m : alliance.members()) {
            long[] c = counts.getOrDefault(m.reference(), new long[2]);
            HospitalFigures.Repeats own = repeats(c[0], c[1], costs.getOrDefault(m.reference(), BigDecimal.ZERO));
            BigDecimal recordShare = own == null || total == null ? null : share(c[0], records);
            BigDecimal repeatShare = own == null || total == null || reps == 0 ? null : share(c[1], reps);
            boolean lead = m.equals(alliance.lead());
            members.add(new AllianceFigures.Member(m, lead, scorecard(m).orElse(null), own, c[0],
                    recordShare, repeatShare, lead ? null : memberReferrals(referrals.getOrDefault(m.reference(),
                            new long[2]), up, upward, down, downward)));
        }
        return new AllianceFigures(alliance, period, total, records, allianceReferrals, members,
                AllianceFigures.NOT_YET);
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
                myUp, myUp.hidden() || up.hidden() || upward == 0 ? null : referralShare(own[0], upward),
                myDown, myDown.hidden() || down.hidden() || downward == 0 ? null : referralShare(own[1], downward));
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

    private HospitalFigures.Repeats repeats(long records, long reps, BigDecimal cost) {
        return records < minRecords ? null : new HospitalFigures.Repeats(records, reps, share(reps, records), cost);
    }

    /**
     * A referral share to 6 decimals (half-up), so that the page's per cent with one decimal is that of the exact
     * fraction: 6 / 11 is 0.545455 and 54.5 %, where 4 decimals (0.5455) would show 54.6 %.
     */
    private static BigDecimal referralShare(long part, long whole) {
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 6, RoundingMode.HALF_UP);
    }

    private static BigDecimal share(long part, long whole) {
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
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
