package org.meridian.region.api;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.meridian.exam.NamedInstitution;
import org.meridian.region.AllianceFigures;
import org.meridian.region.AllianceReporting;
import org.meridian.region.HospitalFigures;
import org.meridian.region.RegionPeriods;
import org.meridian.shared.Actor;
import org.meridian.shared.NamedValues;
import org.meridian.shared.Period;
import org.meridian.shared.Rate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An alliance's report of a period by API ({@code GET /api/v1/alliances/{code}/report?period=}, the year of the last
 * whole month in the caller's hospital unless asked; an unreadable period is a 400), the same figures as its page:
 * hidden figures are null with {@code hidden: true}, rates and shares fractions from 0 to 1.
 */
@RestController
@PreAuthorize("hasAnyRole('REGULATOR', 'REGION_ADMIN', 'ANALYST')")
class AllianceReportApi {

    private final AllianceReporting reporting;
    private final RegionPeriods periods;

    AllianceReportApi(AllianceReporting reporting, RegionPeriods periods) {
        this.reporting = reporting;
        this.periods = periods;
    }

    @GetMapping("/api/v1/alliances/{code}/report")
    Map<String, Object> report(Actor actor, @PathVariable String code, @RequestParam(required = false) String period) {
        Period p = periods.require(actor, period);
        AllianceFigures r = reporting.report(actor, code, p);
        Map<String, Object> answer = NamedValues.of("alliance", r.alliance().code(), "name", r.alliance().name(),
                "period", p.toString(), "lead", r.alliance().lead() == null ? null : r.alliance().lead().reference(),
                "minRecords", reporting.minRecords());
        Map<String, Object> indicators = NamedValues.of("repeats", repeats(r.repeats(), r.repeatRecords()),
                "upwardReferrals", count(r.referrals().upward()), "downwardReferrals", count(r.referrals().downward()),
                "downwardShare", Rate.fraction(r.referrals().downwardShare()));
        AllianceFigures.PrimaryCare pc = r.primaryCare();
        Map<String, Object> primary = NamedValues.of("share", Rate.fraction(pc.share()),
                "primaryCareVisits", pc.primaryVisits(), "visits", pc.allVisits(), "unreported", pc.unreported(),
                "hidden", pc.hidden());
        indicators.put("primaryCareVisitShare", primary);
        indicators.put("notComputed", List.of());
        answer.put("indicators", indicators);
        answer.put("members", r.members().stream().map(AllianceReportApi::member).toList());
        return answer;
    }

    private static Map<String, Object> member(AllianceFigures.Member m) {
        NamedInstitution i = m.institution();
        Map<String, Object> json = NamedValues.of("institution", i.reference(), "name", i.name(), "lead", m.lead());
        AllianceFigures.Scorecard s = m.scorecard();
        Map<String, Object> card = null;
        if (s != null) {
            card = new LinkedHashMap<>();
            card.put("period", s.period().toString());
            card.put("unitType", s.unitType().name());
            card.put("units", s.units());
            card.put("total", s.total());
        }
        json.put("scorecard", card);
        json.put("repeats", repeats(m.repeats(), m.repeatRecords()));
        json.put("recordShare", Rate.fraction(m.recordShare()));
        json.put("repeatShare", Rate.fraction(m.repeatShare()));
        AllianceFigures.MemberReferrals mr = m.referrals();
        if (mr != null) {
            json.put("upwardReferrals", count(mr.upward()));
            json.put("upwardShare", Rate.fraction(mr.upwardShare()));
            json.put("downwardReferrals", count(mr.downward()));
            json.put("downwardShare", Rate.fraction(mr.downwardShare()));
        }
        AllianceFigures.Visits v = m.visits();
        Map<String, Object> visits = NamedValues.of("primaryCare", v.primaryCare(), "reported", v.reported(),
                "months", v.months(), "visits", v.visits(), "hidden", v.hidden());
        json.put("visits", visits);
        return json;
    }

    private static Map<String, Object> count(AllianceFigures.Count c) {
        Map<String, Object> json = NamedValues.of("count", c.count(), "hidden", c.hidden());
        return json;
    }

    private static Map<String, Object> repeats(HospitalFigures.Repeats x, long records) {
        Map<String, Object> json = NamedValues.of("hidden", x == null && records > 0,
                "records", x == null ? null : x.records(), "repeats", x == null ? null : x.repeats(),
                "rate", x == null ? null : x.rate());
        BigDecimal cost = x == null ? null : x.avoidableCost();
        json.put("avoidableCost", cost);
        return json;
    }
}
