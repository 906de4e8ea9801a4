package org.meridian.intake;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.meridian.indicator.Measure;
import org.meridian.shared.Actor;
import org.meridian.shared.Figures;
import org.meridian.shared.NamedValues;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.HospitalCalendar;
import org.meridian.shared.web.AboutChannels;
import org.meridian.shared.web.HomeChart;
import org.meridian.shared.web.HomeCharts;
import org.meridian.shared.web.HomeFigure;
import org.meridian.shared.web.HomeFigures;
import org.meridian.shared.web.WorkItem;
import org.meridian.shared.web.WorkItems;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Intake on the home page of the channel office and the hospital's leadership (CHANNEL_MANAGER and above):
 * <ul>
 * <li>the last whole month's referrals, arrivals, conversions and revenue of the hospital, each with its change
 *     against the month before (环比) and the same month a year before (同比), from the monthly rollups
 *     ({@link EventIntake#monthlyTotals}); the current month is still running, so it is not compared;</li>
 * <li>a line chart of those measures over the twelve whole months up to it;</li>
 * <li>in the to-do inbox, each of today's imports (the hospital's day) that rejected rows, linking to its report;
 *     it leaves the inbox when the day is over.</li>
 * </ul>
 */
@Component
class IntakeHome implements AboutChannels, HomeFigures, HomeCharts, WorkItems {

    /** The kind of work item of an import of today with rejected rows. */
    static final String REJECTED = "intake.rejected";

    private static final List<Measure> SHOWN = List.of(Measure.REFERRALS, Measure.ARRIVALS, Measure.CONVERSIONS,
            Measure.REVENUE);
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private final EventIntake intake;
    private final IntakeQuality quality;
    private final HospitalCalendar calendar;
    private final MessageSource messages;
    private final JsonMapper json;

    IntakeHome(EventIntake intake, IntakeQuality quality, HospitalCalendar calendar, MessageSource messages,
               JsonMapper json) {
        this.intake = intake;
        this.quality = quality;
        this.calendar = calendar;
        this.messages = messages;
        this.json = json;
    }

    private static boolean concerns(Actor actor) {
        return actor.has(Role.CHANNEL_MANAGER);
    }

    /** The last whole month in the hospital's calendar. */
    private YearMonth lastWholeMonth(Actor actor) {
        return YearMonth.from(calendar.today(actor.hospitalId())).minusMonths(1);
    }

    @Override
    public List<HomeFigure> figures(MeridianUser user) {
        Actor actor = user.actor();
        if (!concerns(actor)) {
            return List.of();
        }
        YearMonth month = lastWholeMonth(actor);
        Map<YearMonth, Map<Measure, BigDecimal>> totals = intake.monthlyTotals(actor, month.minusYears(1), month);
        Locale locale = LocaleContextHolder.getLocale();
        String note = messages.getMessage("intake.home.month", new Object[] {month.getYear(), month.getMonthValue()},
                locale);
        List<HomeFigure> figures = new ArrayList<>();
        int order = 10;
        for (Measure m : SHOWN) {
            BigDecimal current = value(totals, month, m);
            figures.add(new HomeFigure(order, "intake.home." + m.key(), shown(m, current, locale), "/intake", "normal",
                    note, List.of(
                            HomeFigure.Change.of("home.change.mom", current, value(totals, month.minusMonths(1), m)),
                            HomeFigure.Change.of("home.change.yoy", current, value(totals, month.minusYears(1), m)))));
            order += 2;
        }
        return figures;
    }

    @Override
    public List<HomeChart> charts(Actor actor) {
        if (!concerns(actor)) {
            return List.of();
        }
        YearMonth last = lastWholeMonth(actor);
        YearMonth first = last.minusMonths(11);
        Map<YearMonth, Map<Measure, BigDecimal>> totals = intake.monthlyTotals(actor, first, last);
        Locale locale = LocaleContextHolder.getLocale();
        List<String> months = new ArrayList<>();
        Map<Measure, List<BigDecimal>> data = new LinkedHashMap<>();
        SHOWN.forEach(m -> data.put(m, new ArrayList<>()));
        for (YearMonth ym = first; !ym.isAfter(last); ym = ym.plusMonths(1)) {
            months.add(ym.toString());
            for (Measure m : SHOWN) {
                BigDecimal v = value(totals, ym, m);
                data.get(m).add(m == Measure.REVENUE ? v.divide(TEN_THOUSAND, 2, RoundingMode.HALF_UP) : v);
            }
        }
        List<Object> series = new ArrayList<>();
        data.forEach((m, values) -> series.add(Map.of("type", "line", "smooth", false,
                "name", messages.getMessage("intake.home.series." + m.key(), null, locale),
                "yAxisIndex", m == Measure.REVENUE ? 1 : 0, "data", values)));
        Map<String, Object> option = NamedValues.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 44, "right", 52, "top", 56, "bottom", 28),
                "xAxis", Map.of("type", "category", "data", months),
                "yAxis", List.of(Map.of("type", "value", "minInterval", 1), Map.of("type", "value",
                        "name", messages.getMessage("intake.home.tenThousandYuan", null, locale),
                        "splitLine", Map.of("show", false))),
                "series", series);
        return List.of(new HomeChart(100, "intake-months", "intake.home.monthsChart", json.writeValueAsString(option)));
    }

    @Override
    public List<WorkItem> items(Actor actor) {
        if (!concerns(actor)) {
            return List.of();
        }
        long h = actor.hospitalId();
        LocalDate today = calendar.today(h);
        return quality.imports(h, calendar.zone(h), today, today, 0, 100).imports().items().stream()
                .filter(run -> run.rejectedCount() > 0)
                .map(run -> new WorkItem(REJECTED, "intake.work.rejected", "intake.work.rejectedText",
                        List.of(run.fileName(), run.rejectedCount(), run.rows()),
                        "/intake/quality/imports/" + run.id(),
                        run.startedAt() == null ? null : run.startedAt().toInstant()))
                .toList();
    }

    private static BigDecimal value(Map<YearMonth, Map<Measure, BigDecimal>> totals, YearMonth month, Measure m) {
        return totals.getOrDefault(month, Map.of()).getOrDefault(m, BigDecimal.ZERO);
    }

    /** Counts as whole numbers; revenue in 万元 with two decimals from 10,000 yuan on, in yuan below. */
    private String shown(Measure m, BigDecimal v, Locale locale) {
        if (m != Measure.REVENUE) {
            return Figures.score(v);
        }
        if (v.abs().compareTo(TEN_THOUSAND) >= 0) {
            return messages.getMessage("intake.home.wan", new Object[] {
                    v.divide(TEN_THOUSAND, 2, RoundingMode.HALF_UP).toPlainString()}, locale);
        }
        return messages.getMessage("intake.home.yuan", new Object[] {Figures.value(v, "元")}, locale);
    }
}
