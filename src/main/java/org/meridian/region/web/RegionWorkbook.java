package org.meridian.region.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.YearMonth;
import java.util.List;
import java.util.function.BiFunction;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.meridian.region.AllianceFigures;
import org.meridian.region.DataCompleteness;
import org.meridian.region.DistrictFigures;
import org.meridian.region.HospitalFigures;
import org.meridian.region.InstitutionRanking;
import org.meridian.region.RegionCentre;
import org.meridian.shared.Period;
import org.meridian.shared.tenant.HospitalProfile;

/**
 * The region's XLSX sheets: the data completeness grid (a row per hospital, per month the events and the statistic
 * values reported, "未报" for none, the event count hidden below the threshold of patients) and an alliance's report
 * (its figures, then a row per member with its score and contribution), the regulator's workbench and the
 * districts. Numbers stay numbers Excel can sort; hidden
 * figures stay empty. {@code text} reads the bundle with arguments.
 */
final class RegionWorkbook {

    private RegionWorkbook() {
    }

    static void completeness(OutputStream out, List<YearMonth> months, List<DataCompleteness.Row> rows,
                             int minPatients, BiFunction<String, Object[], String> text) throws IOException {
        Workbook wb = new Workbook(out, "Meridian", "1.0");
        Worksheet ws = wb.newWorksheet(text.apply("region.completeness.title", new Object[0]));
        ws.value(0, 0, text.apply("region.completeness.title", new Object[0]) + " · " + months.get(0) + " – "
                + months.get(months.size() - 1));
        ws.value(2, 0, text.apply("region.sheet.hospital", new Object[0]));
        ws.value(2, 1, text.apply("region.sheet.name", new Object[0]));
        ws.value(2, 2, text.apply("region.completeness.eventGaps", new Object[0]));
        ws.value(2, 3, text.apply("region.completeness.statisticGaps", new Object[0]));
        int col = 4;
        for (YearMonth m : months) {
            ws.value(1, col, m.toString());
            ws.value(2, col++, text.apply("region.sheet.events", new Object[0]));
            ws.value(2, col++, text.apply("region.sheet.statistics", new Object[0]));
        }
        String missing = text.apply("region.sheet.missing", new Object[0]);
        String hidden = text.apply("region.sheet.hidden", new Object[] {minPatients});
        int row = 3;
        for (DataCompleteness.Row r : rows) {
            ws.value(row, 0, r.hospital().code());
            ws.value(row, 1, r.hospital().name());
            ws.value(row, 2, r.eventGaps());
            ws.value(row, 3, r.statisticGaps());
            int c = 4;
            for (DataCompleteness.Month m : r.months()) {
                if (!m.eventsReported()) {
                    ws.value(row, c, missing);
                } else if (m.eventsHidden()) {
                    ws.value(row, c, hidden);
                } else {
                    ws.value(row, c, m.events());
                }
                c++;
                if (m.statisticsReported()) {
                    ws.value(row, c, m.statistics());
                } else {
                    ws.value(row, c, missing);
                }
                c++;
            }
            row++;
        }
        wb.finish();
    }

    static void alliance(OutputStream out, AllianceFigures report, int minRecords,
                         BiFunction<String, Object[], String> text) throws IOException {
        Workbook wb = new Workbook(out, "Meridian", "1.0");
        Worksheet ws = wb.newWorksheet(report.alliance().code());
        ws.value(0, 0, text.apply("region.sheet.alliance", new Object[0]));
        ws.value(0, 1, report.alliance().name());
        ws.value(1, 0, text.apply("region.sheet.period", new Object[0]));
        ws.value(1, 1, report.period().toString());
        String suppressed = text.apply("region.workbench.suppressed", new Object[] {minRecords});
        String fewPatients = text.apply("region.workbench.suppressedPatients", new Object[] {minRecords});
        String[] head = {"region.workbench.records", "region.workbench.repeats", "region.workbench.rate",
                "region.workbench.cost"};
        for (int i = 0; i < head.length; i++) {
            ws.value(2, i + 2, text.apply(head[i], new Object[0]));
        }
        ws.value(3, 0, text.apply("region.alliance.repeatRate", new Object[0]));
        figures(ws, 3, 2, report.repeats(), report.repeatRecords(), fewPatients);
        AllianceFigures.Referrals r = report.referrals();
        ws.value(4, 0, text.apply("region.alliance.indicator.UPWARD_REFERRALS", new Object[0]));
        count(ws, 4, 1, r.upward(), suppressed);
        ws.value(5, 0, text.apply("region.alliance.indicator.DOWNWARD_REFERRALS", new Object[0]));
        count(ws, 5, 1, r.downward(), suppressed);
        ws.value(6, 0, text.apply("region.alliance.indicator.DOWNWARD_SHARE", new Object[0]));
        if (r.downwardShare() != null) {
            ws.value(6, 1, r.downwardShare().fraction());
        }
        AllianceFigures.PrimaryCare pc = report.primaryCare();
        ws.value(7, 0, text.apply("region.alliance.indicator.PRIMARY_CARE_VISIT_SHARE", new Object[0]));
        if (pc.share() != null) {
            ws.value(7, 1, pc.share().fraction());
        } else {
            ws.value(7, 1, AlliancePages.primaryCareGap(report, minRecords, text));
        }
        ws.value(8, 0, text.apply("region.alliance.primaryVisits", new Object[0]));
        ws.value(9, 0, text.apply("region.alliance.allVisits", new Object[0]));
        if (pc.share() != null) {
            ws.value(8, 1, pc.primaryVisits());
            ws.value(9, 1, pc.allVisits());
        }
        int row = 11;
        String[] cols = {"region.sheet.institution", "region.sheet.name", "region.alliance.role",
                "region.sheet.scorecardPeriod", "region.sheet.scorecardTotal", "region.workbench.records",
                "region.workbench.repeats", "region.workbench.rate", "region.workbench.cost",
                "region.alliance.recordShare", "region.alliance.repeatShare", "region.alliance.upward",
                "region.alliance.upwardShare", "region.alliance.downward", "region.alliance.downwardShare",
                "region.alliance.visits", "region.alliance.primaryCareMember"};
        for (int i = 0; i < cols.length; i++) {
            ws.value(row, i, text.apply(cols[i], new Object[0]));
        }
        ws.style(row, 0).bold().set();
        row++;
        for (AllianceFigures.Member m : report.members()) {
            ws.value(row, 0, m.institution().reference());
            ws.value(row, 1, m.institution().name());
            ws.value(row, 2, text.apply(m.lead() ? "region.alliance.lead" : "region.alliance.memberRole",
                    new Object[0]));
            if (m.scorecard() != null) {
                ws.value(row, 3, m.scorecard().period().toString());
                if (m.scorecard().total() != null) {
                    ws.value(row, 4, m.scorecard().total());
                }
            }
            figures(ws, row, 5, m.repeats(), m.repeatRecords(), fewPatients);
            if (m.recordShare() != null) {
                ws.value(row, 9, m.recordShare().fraction());
            }
            if (m.repeatShare() != null) {
                ws.value(row, 10, m.repeatShare().fraction());
            }
            AllianceFigures.MemberReferrals mr = m.referrals();
            if (mr != null) {
                count(ws, row, 11, mr.upward(), suppressed);
                if (mr.upwardShare() != null) {
                    ws.value(row, 12, mr.upwardShare().fraction());
                }
                count(ws, row, 13, mr.downward(), suppressed);
                if (mr.downwardShare() != null) {
                    ws.value(row, 14, mr.downwardShare().fraction());
                }
            }
            AllianceFigures.Visits v = m.visits();
            if (v.visits() != null) {
                ws.value(row, 15, v.visits());
            } else {
                ws.value(row, 15, v.hidden() ? suppressed : text.apply("region.sheet.missing", new Object[0]));
            }
            ws.value(row, 16, text.apply(v.primaryCare() ? "region.alliance.primaryCareYes"
                    : "region.alliance.primaryCareNo", new Object[0]));
            row++;
        }
        wb.finish();
    }

    /**
     * A ranking: the period and measure, then a row per institution (rank, code, name, type, district, records,
     * patients, repeats, rate as a fraction from 0 to 1, avoidable cost, the rank in the period before and the
     * places moved); an unranked institution says why in the rank's column and leaves its figures empty.
     */
    static void ranking(OutputStream out, InstitutionRanking.Ranking r, int minPatients,
                        BiFunction<String, Object[], String> text) throws IOException {
        Workbook wb = new Workbook(out, "Meridian", "1.0");
        Worksheet ws = wb.newWorksheet(text.apply("region.rankings.title", new Object[0]));
        ws.value(0, 0, text.apply("region.rankings.title", new Object[0]));
        ws.value(0, 1, text.apply("region.rankings.by." + r.measure(), new Object[0]));
        ws.value(1, 0, text.apply("region.sheet.period", new Object[0]));
        ws.value(1, 1, r.period().toString());
        ws.value(1, 2, text.apply("region.rankings.rankedOf", new Object[] {r.ranked(), r.group()}));
        String[] cols = {"region.rankings.rank", "region.sheet.hospital", "region.sheet.name", "region.field.type",
                "region.field.district", "region.workbench.records", "region.rankings.patients",
                "region.workbench.repeats", "region.workbench.rate", "region.workbench.cost",
                "region.rankings.previousRank", "region.rankings.change"};
        for (int i = 0; i < cols.length; i++) {
            ws.value(3, i, text.apply(cols[i], new Object[0]));
        }
        ws.style(3, 0).bold().set();
        int row = 4;
        for (InstitutionRanking.Entry e : r.entries()) {
            switch (e.standing()) {
                case RANKED -> ws.value(row, 0, e.rank());
                case TOO_FEW -> ws.value(row, 0, text.apply("region.rankings.tooFew", new Object[] {minPatients}));
                case NO_RECORDS -> ws.value(row, 0, text.apply("region.rankings.noRecords", new Object[0]));
            }
            ws.value(row, 1, e.hospital().code());
            ws.value(row, 2, e.hospital().name());
            if (e.hospital().type() != null) {
                ws.value(row, 3, text.apply("unitType." + e.hospital().type(), new Object[0]));
            }
            if (e.hospital().district() != null) {
                ws.value(row, 4, e.hospital().district());
            }
            if (e.repeats() != null) {
                ws.value(row, 5, e.repeats().records());
                ws.value(row, 6, e.patients());
                ws.value(row, 7, e.repeats().repeats());
                ws.value(row, 8, e.repeats().rate());
                ws.value(row, 9, e.repeats().avoidableCost());
            }
            if (e.previousRank() != null) {
                ws.value(row, 10, e.previousRank());
            }
            if (e.change() != null) {
                ws.value(row, 11, e.change());
            }
            row++;
        }
        wb.finish();
    }

    /**
     * The regulator's workbench (or one district's hospitals): the period and filters, then a row per hospital (code,
     * name, type, district, the latest published evaluation's period, unit type, units and mean total, the repeat
     * figures of the period with the rate as a fraction from 0 to 1, and its standing in the region's own newest
     * published evaluation of its type: period, rank, institutions ranked, total and tier, empty without one);
     * hidden figures say why in the records' column.
     */
    static void workbench(OutputStream out, String title, Period period, List<HospitalFigures> rows, int minRecords,
                          BiFunction<String, Object[], String> text) throws IOException {
        Workbook wb = new Workbook(out, "Meridian", "1.0");
        Worksheet ws = wb.newWorksheet(title);
        ws.value(0, 0, title);
        ws.value(1, 0, text.apply("region.sheet.period", new Object[0]));
        ws.value(1, 1, period.toString());
        String[] cols = {"region.sheet.hospital", "region.sheet.name", "region.field.type", "region.field.district",
                "region.sheet.evaluationPeriod", "region.sheet.evaluationUnitType", "region.sheet.evaluationUnits",
                "region.workbench.mean", "region.workbench.records", "region.workbench.repeats",
                "region.workbench.rate", "region.workbench.cost", "region.sheet.standingPeriod",
                "region.standing.rank", "region.sheet.standingRanked", "region.standing.total",
                "region.sheet.standingTier"};
        for (int i = 0; i < cols.length; i++) {
            ws.value(3, i, text.apply(cols[i], new Object[0]));
        }
        ws.style(3, 0).bold().set();
        String suppressed = text.apply("region.workbench.suppressedPatients", new Object[] {minRecords});
        int row = 4;
        for (HospitalFigures f : rows) {
            HospitalProfile h = f.hospital();
            ws.value(row, 0, h.code());
            ws.value(row, 1, h.name());
            if (h.type() != null) {
                ws.value(row, 2, text.apply("unitType." + h.type(), new Object[0]));
            }
            if (h.district() != null) {
                ws.value(row, 3, h.district());
            }
            HospitalFigures.Published e = f.evaluation();
            if (e == null) {
                ws.value(row, 4, text.apply("region.workbench.noEvaluation", new Object[0]));
            } else {
                ws.value(row, 4, e.period().toString());
                ws.value(row, 5, text.apply("unitType." + e.unitType(), new Object[0]));
                ws.value(row, 6, e.units());
                if (e.meanTotal() != null) {
                    ws.value(row, 7, e.meanTotal());
                }
            }
            figures(ws, row, 8, f.repeats(), f.repeatRecords(), suppressed);
            standing(ws, row, 12, f.regionStanding(), text);
            row++;
        }
        wb.finish();
    }

    /**
     * The districts of the region in a period: a row per district (未填区县 last) with its hospitals, how many have
     * published, the repeat figures over them (rate as a fraction; hidden below the threshold) and the months of the
     * completeness window without events and without statistics.
     */
    static void districts(OutputStream out, Period period, List<DistrictFigures> rows, int minRecords,
                          BiFunction<String, Object[], String> text) throws IOException {
        Workbook wb = new Workbook(out, "Meridian", "1.0");
        String title = text.apply("region.districts.title", new Object[0]);
        Worksheet ws = wb.newWorksheet(title);
        ws.value(0, 0, title);
        ws.value(1, 0, text.apply("region.sheet.period", new Object[0]));
        ws.value(1, 1, period.toString());
        String[] cols = {"region.field.district", "region.districts.hospitals", "region.districts.published",
                "region.workbench.records", "region.workbench.repeats", "region.workbench.rate",
                "region.workbench.cost", "region.completeness.eventGaps", "region.completeness.statisticGaps"};
        for (int i = 0; i < cols.length; i++) {
            ws.value(3, i, text.apply(cols[i], new Object[0]));
        }
        ws.style(3, 0).bold().set();
        String suppressed = text.apply("region.workbench.suppressedPatients", new Object[] {minRecords});
        int row = 4;
        for (DistrictFigures d : rows) {
            ws.value(row, 0, d.district() == null ? text.apply("region.districts.none", new Object[0]) : d.district());
            ws.value(row, 1, d.hospitals());
            ws.value(row, 2, d.published());
            figures(ws, row, 3, d.repeats(), d.repeatRecords(), suppressed);
            ws.value(row, 7, d.eventGaps());
            ws.value(row, 8, d.statisticGaps());
            row++;
        }
        wb.finish();
    }

    /** A hospital's standing in the region's evaluation: period, rank, ranked, total (无数据 without) and tier. */
    private static void standing(Worksheet ws, int row, int col, RegionCentre.Standing s,
                                 BiFunction<String, Object[], String> text) {
        if (s == null) {
            return;
        }
        ws.value(row, col, s.period().toString());
        ws.value(row, col + 2, s.ranked());
        if (s.total() == null) {
            ws.value(row, col + 3, text.apply("region.evaluations.noTotal", new Object[0]));
            return;
        }
        ws.value(row, col + 1, s.rank());
        ws.value(row, col + 3, s.total());
        ws.value(row, col + 4, s.tier());
    }

    private static void count(Worksheet ws, int row, int col, AllianceFigures.Count c, String suppressed) {
        if (c.hidden()) {
            ws.value(row, col, suppressed);
        } else {
            ws.value(row, col, c.count());
        }
    }

    private static void figures(Worksheet ws, int row, int col, HospitalFigures.Repeats r, long records,
                                String suppressed) {
        if (r == null) {
            if (records > 0) {
                ws.value(row, col, suppressed);
            }
            return;
        }
        ws.value(row, col, r.records());
        ws.value(row, col + 1, r.repeats());
        ws.value(row, col + 2, r.rate());
        ws.value(row, col + 3, r.avoidableCost());
    }
}
