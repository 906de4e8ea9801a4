package org.meridian.region.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.meridian.region.RegionCentre;
import org.meridian.region.YearlyCombination;
import org.meridian.region.YearlyRanking;
import org.meridian.shared.Actor;
import org.meridian.shared.UnitType;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.NotFoundException;
import org.meridian.shared.tenant.HospitalCalendar;
import org.meridian.shared.web.Downloads;
import org.meridian.shared.web.Paged;
import org.meridian.shared.web.ProblemTexts;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The region's yearly ranking of performance and brand (年度绩效与品牌排名): the regulator and the region administrator
 * read the newest published version of a year, one institution type at a time, 20 a page, ordered by performance or
 * by brand, as cards on a phone, and as a workbook; the evaluation centre's staff see what they would publish and
 * publish it (CHANNEL_MANAGER and up).
 */
@Controller
@PreAuthorize("hasAnyRole('REGULATOR', 'REGION_ADMIN', 'ANALYST')")
class YearlyRankingPages {

    static final int PAGE_SIZE = 20;

    private final YearlyRanking ranking;
    private final HospitalCalendar calendar;
    private final MessageSource messages;
    private final ProblemTexts texts;

    YearlyRankingPages(YearlyRanking ranking, HospitalCalendar calendar, MessageSource messages, ProblemTexts texts) {
        this.ranking = ranking;
        this.calendar = calendar;
        this.messages = messages;
        this.texts = texts;
    }

    @GetMapping("/region/yearly-ranking")
    String page(Actor actor, @RequestParam(required = false) String year, @RequestParam(required = false) String type,
                @RequestParam(required = false) String by, @RequestParam(defaultValue = "0") int page, Model model,
                Locale locale) {
        boolean evaluator = ranking.evaluates(actor);
        if (evaluator) {
            model.addAttribute("activeNav", "evaluations");
        } else {
            DrillDownPages.common(actor, model, "yearly");
        }
        model.addAttribute("evaluator", evaluator);
        model.addAttribute("publishes", ranking.publishes(actor));
        List<Integer> years = ranking.years(actor);
        // the centre ranks the reporting year (in January the year just ended, whose December is complete)
        int reportingYear = calendar.reportingYear(actor.hospitalId());
        int y = evaluator || years.isEmpty() ? reportingYear : years.get(0);
        if (year != null && !year.isBlank()) {
            try {
                y = YearlyRanking.year(year);
            } catch (InvalidInputException e) {
                model.addAttribute("filterErrors", texts.texts(e.problems()));
            }
        }
        Optional<YearlyRanking.Year> published = ranking.published(actor, y);
        YearlyRanking.Year shown = evaluator ? ranking.preview(actor, y) : published.orElse(null);
        UnitType t = RegionPages.institutionType(type);
        if (t == null && shown != null) {
            t = shown.types().stream().filter(x -> !x.rows().isEmpty()).map(YearlyRanking.TypeRanking::type)
                    .findFirst().orElse(RegionCentre.TYPES.get(0));
        }
        boolean byBrand = "brand".equals(by);
        model.addAttribute("year", y);
        model.addAttribute("published", published.map(YearlyRanking.Year::publication).orElse(null));
        model.addAttribute("shown", shown);
        model.addAttribute("type", t == null ? RegionCentre.TYPES.get(0).name() : t.name());
        model.addAttribute("types", RegionCentre.TYPES.stream().map(UnitType::name).toList());
        model.addAttribute("by", byBrand ? "brand" : "performance");
        if (shown != null) {
            UnitType chosen = t;
            YearlyRanking.TypeRanking ofType = shown.types().stream().filter(x -> x.type() == chosen).findFirst()
                    .orElseThrow();
            model.addAttribute("ofType", ofType);
            List<YearlyRanking.Row> rows = byBrand ? ofType.rows().stream().sorted(byBrand()).toList() : ofType.rows();
            model.addAttribute("result", Paged.slice(rows, Math.max(page, 0), PAGE_SIZE));
        }
        return "region/yearly-ranking";
    }

    /** By brand rank (those not ranked last), then performance rank, then code. */
    private static Comparator<YearlyRanking.Row> byBrand() {
        Comparator<Integer> rank = Comparator.nullsLast(Comparator.naturalOrder());
        return Comparator.comparing((YearlyRanking.Row r) -> r.brand().rank(), rank)
                .thenComparing(r -> r.performance().rank(), rank).thenComparing(YearlyRanking.Row::code);
    }

    @PostMapping("/region/yearly-ranking/publish")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String publish(Actor actor, @RequestParam String year, RedirectAttributes redirect) {
        int y = YearlyRanking.year(year);
        YearlyRanking.Publication p = ranking.publish(actor, y);
        redirect.addFlashAttribute("publishedNow", p.version());
        return "redirect:/region/yearly-ranking?year=" + y;
    }

    /** The newest published version of the year as a workbook: every institution type, every row. */
    @GetMapping("/region/yearly-ranking.xlsx")
    void workbook(Actor actor, @RequestParam String year, HttpServletResponse response, Locale locale)
            throws IOException {
        int y = YearlyRanking.year(year);
        YearlyRanking.Year published = ranking.published(actor, y).orElseThrow(() -> new NotFoundException("region",
                "yearly-ranking", y, "region.yearly.problem.notPublished"));
        try (OutputStream out = Downloads.xlsx(response, "yearly-ranking-" + y + ".xlsx")) {
            write(out, published, (key, args) -> messages.getMessage(key, args, locale));
        }
    }

    interface Text {
        String get(String key, Object[] args);
    }

    static void write(OutputStream out, YearlyRanking.Year year, Text text) throws IOException {
        Workbook wb = new Workbook(out, "Meridian", "1.0");
        Worksheet ws = wb.newWorksheet(text.get("region.yearly.sheet", new Object[0]));
        ws.value(0, 0, text.get("region.yearly.sheetTitle", new Object[] {year.year(), year.publication().version()}));
        String[] heads = {"region.sheet.hospital", "region.sheet.name", "region.yearly.type", "region.field.district",
                "region.yearly.performanceRank", "region.yearly.performance", "region.yearly.performancePeriods",
                "region.yearly.brandRank", "region.yearly.brand", "region.yearly.brandPeriods", "region.yearly.periodsColumn"};
        for (int c = 0; c < heads.length; c++) {
            ws.value(2, c, text.get(heads[c], new Object[0]));
        }
        String notRanked = text.get("region.yearly.notRanked", new Object[0]);
        int row = 3;
        for (YearlyRanking.TypeRanking t : year.types()) {
            String periods = String.join("、", t.periods().stream().map(Object::toString).toList());
            for (YearlyRanking.Row r : t.rows()) {
                ws.value(row, 0, r.code());
                ws.value(row, 1, r.name());
                ws.value(row, 2, text.get("unitType." + t.type().name(), new Object[0]));
                ws.value(row, 3, r.district());
                axis(ws, row, 4, r.performance(), t.periods().size(), notRanked);
                axis(ws, row, 7, r.brand(), t.periods().size(), notRanked);
                ws.value(row, 10, periods);
                row++;
            }
        }
        wb.finish();
    }

    private static void axis(Worksheet ws, int row, int col, YearlyCombination.Axis axis, int periods,
                             String notRanked) {
        if (axis.rank() != null) {
            ws.value(row, col, axis.rank());
        } else {
            ws.value(row, col, notRanked);
        }
        if (axis.mean() != null) {
            ws.value(row, col + 1, axis.mean());
            ws.style(row, col + 1).format("0.00").set();
        }
        ws.value(row, col + 2, axis.periods() + " / " + periods);
    }
}
