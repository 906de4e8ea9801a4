package org.meridian.intake.api;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.meridian.intake.RawStatistic;

/**
 * Maps an HL7 FHIR R4 {@code MeasureReport} of type {@code summary} to monthly statistics rows (docs/units.md,
 * FHIR): one row per {@code group}.
 * <ul>
 * <li><b>unit</b>: {@code subject}: its {@code identifier.value}; else the first identifier of the Organization,
 *     Location or Group it references in the Bundle; else the id of {@code Organization/<code>} (any type).</li>
 * <li><b>month</b>: {@code period}, which must be one calendar month: start and end in the same month, a start
 *     given to the day on the 1st, an end given to the day on the month's last day ({@code 2026-11-01} to
 *     {@code 2026-11-30}, or {@code 2026-11} to {@code 2026-11}).</li>
 * <li><b>measure</b>: the group's {@code code} (first coding's code); else the last path segment of
 *     {@code MeasureReport.measure} ({@code http://h.example/Measure/discharges|2} → {@code discharges}), which
 *     only a report of one group may use.</li>
 * <li><b>value</b>: {@code group.measureScore.value}; else the count of the group's population coded
 *     {@code measure-population}, or of its only population.</li>
 * <li><b>reason</b> (of a restatement): the extension {@value #REASON_URL} ({@code valueString}).</li>
 * </ul>
 * A report whose status is not {@code complete} or whose type is not {@code summary} gives no row; its groups are
 * all reported with the reason. What a row cannot be read from (no unit, no period, no value) is said here; the
 * statistics intake then checks the rows as it checks every other source (unknown unit or measure, month in the
 * future, number out of range).
 */
final class FhirStatistics {

    /** The extension that carries the reason of a restatement. */
    static final String REASON_URL = "urn:meridian:fhir:restatement-reason";

    /** One group of a report: a row to record, or why it cannot be one ({@code row} null). */
    record Group(String expression, RawStatistic row, List<String> errors) {
        Group {
            errors = List.copyOf(errors);
        }
    }

    private FhirStatistics() {
    }

    /**
     * The rows of one report; a report with no group, or one that cannot be taken at all, is one row-less group
     * carrying the reasons.
     *
     * @param resolve finds a referenced resource in the Bundle (null when it is not there)
     */
    static List<Group> map(MeasureReport report, Function<Reference, IBaseResource> resolve) {
        List<String> reportErrors = new ArrayList<>();
        if (report.getStatus() != MeasureReport.MeasureReportStatus.COMPLETE) {
            reportErrors.add("MeasureReport.status must be complete, not "
                    + (report.getStatus() == null ? "(none)" : report.getStatus().toCode()));
        }
        if (report.getType() != MeasureReport.MeasureReportType.SUMMARY) {
            reportErrors.add("MeasureReport.type must be summary, not "
                    + (report.getType() == null ? "(none)" : report.getType().toCode()));
        }
        String unit = unit(report.getSubject(), resolve, reportErrors);
        String month = month(report, reportErrors);
        String reason = reason(report);
        if (report.getGroup().isEmpty()) {
            reportErrors.add("MeasureReport.group is empty: a report needs one group per measure");
            return List.of(new Group("MeasureReport", null, reportErrors));
        }
        String fromMeasure = lastSegment(report.getMeasure());
        List<Group> groups = new ArrayList<>();
        for (int i = 0; i < report.getGroup().size(); i++) {
            MeasureReport.MeasureReportGroupComponent g = report.getGroup().get(i);
            String expression = "MeasureReport.group[" + i + "]";
            List<String> errors = new ArrayList<>(reportErrors);
            String measure = g.getCode().getCoding().stream().filter(c -> c.hasCode()).map(c -> c.getCode())
                    .findFirst().orElse(null);
            if (measure == null && report.getGroup().size() == 1) {
                measure = fromMeasure;
            }
            if (measure == null) {
                errors.add(expression + ".code names no measure"
                        + (report.getGroup().size() > 1 ? " (a report of several groups codes each group)"
                        : " and MeasureReport.measure is not set"));
            }
            BigDecimal value = value(g, expression, errors);
            groups.add(errors.isEmpty()
                    ? new Group(expression, new RawStatistic(unit, month, measure, value, null, reason), List.of())
                    : new Group(expression, null, errors));
        }
        return groups;
    }

    private static String unit(Reference subject, Function<Reference, IBaseResource> resolve, List<String> errors) {
        if (subject == null || subject.isEmpty()) {
            errors.add("MeasureReport.subject must name the department or institution (identifier = unit code)");
            return null;
        }
        if (subject.hasIdentifier() && subject.getIdentifier().hasValue()) {
            return subject.getIdentifier().getValue();
        }
        IBaseResource target = resolve.apply(subject);
        List<Identifier> ids = target instanceof Organization o ? o.getIdentifier()
                : target instanceof Location l ? l.getIdentifier()
                : target instanceof org.hl7.fhir.r4.model.Group gr ? gr.getIdentifier() : List.of();
        if (!ids.isEmpty() && ids.get(0).hasValue()) {
            return ids.get(0).getValue();
        }
        if (target != null) {
            errors.add("MeasureReport.subject '" + subject.getReference() + "' has no identifier (the unit code)");
            return null;
        }
        String ref = subject.getReference();
        if (ref != null && ref.matches("[A-Za-z]+/[^/]+")) {
            return ref.substring(ref.indexOf('/') + 1);
        }
        errors.add("MeasureReport.subject reference '" + ref + "' is not in the bundle");
        return null;
    }

    private static String month(MeasureReport report, List<String> errors) {
        DateTimeType start = report.getPeriod().getStartElement();
        DateTimeType end = report.getPeriod().getEndElement();
        if (!start.hasValue() || !end.hasValue()) {
            errors.add("MeasureReport.period needs a start and an end (one calendar month)");
            return null;
        }
        String s = start.getValueAsString();
        String e = end.getValueAsString();
        if (s.length() < 7 || e.length() < 7 || !s.substring(0, 7).equals(e.substring(0, 7))) {
            errors.add("MeasureReport.period " + s + " to " + e + " is not one calendar month");
            return null;
        }
        YearMonth m = YearMonth.parse(s.substring(0, 7));
        boolean dayStart = precise(start);
        boolean dayEnd = precise(end);
        if (dayStart && start.getDay() != 1 || dayEnd && end.getDay() != m.lengthOfMonth()) {
            errors.add("MeasureReport.period " + s + " to " + e + " is not one whole calendar month (from day 1 to day "
                    + m.lengthOfMonth() + ")");
            return null;
        }
        return m.toString();
    }

    private static boolean precise(DateTimeType t) {
        return t.getPrecision().ordinal() >= TemporalPrecisionEnum.DAY.ordinal();
    }

    private static BigDecimal value(MeasureReport.MeasureReportGroupComponent g, String expression,
                                    List<String> errors) {
        if (g.hasMeasureScore()) {
            if (!g.getMeasureScore().hasValue()) {
                errors.add(expression + ".measureScore has no value");
                return null;
            }
            return g.getMeasureScore().getValue();
        }
        List<MeasureReport.MeasureReportGroupPopulationComponent> counted = g.getPopulation().stream()
                .filter(p -> p.hasCount()).toList();
        List<MeasureReport.MeasureReportGroupPopulationComponent> measurePopulation = counted.stream()
                .filter(p -> p.getCode().getCoding().stream().anyMatch(c -> "measure-population".equals(c.getCode())))
                .toList();
        if (measurePopulation.size() == 1) {
            return BigDecimal.valueOf(measurePopulation.get(0).getCount());
        }
        if (counted.size() == 1 && measurePopulation.isEmpty()) {
            return BigDecimal.valueOf(counted.get(0).getCount());
        }
        errors.add(expression + " has no value: give measureScore.value, or one population with a count"
                + " (the one coded measure-population when there are several)");
        return null;
    }

    private static String reason(MeasureReport report) {
        Extension e = report.getExtensionByUrl(REASON_URL);
        return e == null || e.getValue() == null ? null : e.getValue().primitiveValue();
    }

    /** {@code http://h.example/fhir/Measure/discharges|2} → {@code discharges}; null when blank. */
    static String lastSegment(String canonical) {
        if (canonical == null || canonical.isBlank()) {
            return null;
        }
        String c = canonical.strip();
        int bar = c.indexOf('|');
        if (bar >= 0) {
            c = c.substring(0, bar);
        }
        while (c.endsWith("/")) {
            c = c.substring(0, c.length() - 1);
        }
        String last = c.substring(c.lastIndexOf('/') + 1);
        return last.isBlank() ? null : last;
    }
}
