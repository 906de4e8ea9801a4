package org.meridian.exam;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.meridian.shared.Actor;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.problem.ConflictException;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The region's alliances (医联体/医共体) as far as mutual recognition needs them: a code, a name, a lead and the
 * member institutions. Two institutions are in the same alliance when they share at least one; an item of scope
 * ALLIANCE is recognised between them. Creating an alliance recomputes the repeats of the region's ALLIANCE items.
 * Institutions are named as in docs/exams.md: a bare code is one of the actor's own hospital's institutions or a
 * hospital of the region, {@code HOSPITAL/UNIT} an institution unit of another hospital.
 */
@Service
public class AllianceRegistry {

    private final Alliances alliances;
    private final Institutions institutions;
    private final ExamItems items;
    private final ExamRecords records;
    private final Detection detection;
    private final Hospitals hospitals;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    AllianceRegistry(Alliances alliances, Institutions institutions, ExamItems items, ExamRecords records,
                     Detection detection, Hospitals hospitals, AuditLog audit, Clock clock,
                     ApplicationEventPublisher events) {
        this.events = events;
        this.alliances = alliances;
        this.institutions = institutions;
        this.items = items;
        this.records = records;
        this.detection = detection;
        this.hospitals = hospitals;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Creates an alliance; the lead is a member whether or not {@code members} lists it. Every problem at once (400):
     * code, name, lead and each unknown member ({@code members[i]}); a code taken in the region is 409.
     */
    @Transactional
    public Alliance create(Actor actor, String code, String name, String lead, List<String> members) {
        ExamVisibility.require(ExamVisibility.keepsCatalogue(actor), actor, "create alliances");
        Hospital own = hospitals.find(actor.hospitalId()).orElseThrow();
        long region = hospitals.regionOf(own.id());
        List<Problem> problems = new ArrayList<>();
        String c = ExamItemDraft.strip(code);
        if (c == null) {
            problems.add(Problem.of("code", "exam.error.required"));
        } else if (!ExamItemDraft.CODE.matcher(c).matches()) {
            problems.add(Problem.of("code", "exam.error.code", c));
        }
        String n = ExamItemDraft.strip(name);
        if (n == null) {
            problems.add(Problem.of("name", "exam.error.required"));
        } else if (n.length() > 100) {
            problems.add(Problem.of("name", "exam.error.tooLong", 100));
        }
        Institution leader = member(region, own, "lead", lead, problems);
        Set<Institution> all = new LinkedHashSet<>();
        if (leader != null) {
            all.add(leader);
        }
        List<String> listed = members == null ? List.of() : members;
        for (int i = 0; i < listed.size(); i++) {
            Institution m = member(region, own, "members[" + i + "]", listed.get(i), problems);
            if (m != null) {
                all.add(m);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("exam", problems);
        }
        records.lock(region);
        if (alliances.idOf(region, c).isPresent()) {
            throw new ConflictException("exam", "alliance-code-taken", "exam.problem.allianceCodeTaken", List.of(c),
                    "alliance code " + c + " is already taken");
        }
        long id = alliances.insert(region, c, n, clock.instant(), actor.username());
        for (Institution m : all) {
            alliances.insertMember(region, id, m, m.equals(leader));
        }
        java.util.Set<java.time.YearMonth> months = new java.util.TreeSet<>();
        items.all(region).stream().filter(i -> i.scope() == RecognitionScope.ALLIANCE)
                .forEach(i -> months.addAll(detection.recompute(region, records.pairsOfItem(region, i.code()))));
        if (!months.isEmpty()) {
            events.publishEvent(new RepeatFiguresChanged(region, actor.hospitalId(), months));
        }
        Map<String, Object> details = AuditLog.details("name", n, "members", all.size());
        audit.record(actor.hospitalId(), actor.username(), "ALLIANCE_CREATED", c, details);
        return find(actor, c).orElseThrow();
    }

    /** The alliances of the actor's region, by code. */
    public List<Alliance> all(Actor actor) {
        long region = hospitals.regionOf(actor.hospitalId());
        Institutions.Namer namer = institutions.namer();
        List<Alliances.Member> members = alliances.members(region);
        List<Alliance> result = new ArrayList<>();
        for (Alliances.Row row : alliances.all(region)) {
            NamedInstitution lead = null;
            List<NamedInstitution> named = new ArrayList<>();
            for (Alliances.Member m : members) {
                if (m.allianceId() == row.id()) {
                    NamedInstitution x = namer.name(m.institution());
                    named.add(x);
                    if (m.lead()) {
                        lead = x;
                    }
                }
            }
            result.add(new Alliance(row.code(), row.name(), lead, named));
        }
        return result;
    }

    /**
     * The institutions an alliance of the actor's region may be made of, for the region administrator's form: each
     * hospital of the region by code, followed by the INSTITUTION units it registered (by code). Their
     * {@link NamedInstitution#reference()} is what {@link #create} reads.
     */
    public List<NamedInstitution> choosable(Actor actor) {
        ExamVisibility.require(ExamVisibility.keepsCatalogue(actor), actor, "create alliances");
        return institutions.of(institutions.hospitalsOf(hospitals.regionOf(actor.hospitalId())));
    }

    public Optional<Alliance> find(Actor actor, String code) {
        return all(actor).stream().filter(a -> a.code().equals(code)).findFirst();
    }

    /** The id of an alliance of the actor's region, for filters. */
    Optional<Long> idOf(Actor actor, String code) {
        return alliances.idOf(hospitals.regionOf(actor.hospitalId()), code);
    }

    private Institution member(long region, Hospital own, String field, String text, List<Problem> problems) {
        String t = ExamItemDraft.strip(text);
        if (t == null) {
            problems.add(Problem.of(field, "exam.error.required"));
            return null;
        }
        Optional<Institution> i = institutions.inRegion(region, own, t);
        if (i.isEmpty()) {
            problems.add(Problem.of(field, "exam.error.unknownRegionInstitution", t));
            return null;
        }
        return i.get();
    }
}
