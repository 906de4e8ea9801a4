package org.meridian.insight.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.meridian.insight.forecast.Forecast;
import org.meridian.insight.forecast.ForecastBook;
import org.meridian.insight.forecast.ForecastMeasure;
import org.meridian.insight.forecast.ForecastQuery;
import org.meridian.insight.forecast.ForecastRun;
import org.meridian.insight.forecast.ForecastVisibility;
import org.meridian.insight.method.HoltWinters.Method;
import org.meridian.shared.Actor;
import org.meridian.shared.web.Paged;
import org.meridian.shared.web.ProblemTexts;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forecast page (预测): the whole hospital's history, fit and bands of one measure, which method and why, last
 * year's back-test, and every channel's next-month forecast with its back-test error, 20 a page, filtered by name or
 * code and method; the office recomputes on request. One channel's page shows its four measures.
 */
@Controller
@RequestMapping("/insight/forecasts")
@PreAuthorize("hasRole('ANALYST')")
class ForecastPages {

    static final int PAGE_SIZE = 20;

    private final ForecastBook book;
    private final ForecastViews views;
    private final MessageSource messages;
    private final ProblemTexts texts;

    ForecastPages(ForecastBook book, ForecastViews views, MessageSource messages, ProblemTexts texts) {
        this.book = book;
        this.views = views;
        this.messages = messages;
        this.texts = texts;
    }

    @GetMapping
    String page(Actor actor, @RequestParam(required = false) String measure,
                @RequestParam(required = false) String q, @RequestParam(required = false) String method,
                @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        ForecastQuery query = texts.readOr(() -> ForecastQuery.parse(measure, q, method, Math.max(page, 0), PAGE_SIZE),
                () -> new ForecastQuery(null, q, null, 0, PAGE_SIZE), errors);
        ForecastMeasure chosen = query.measure();
        Forecast hospital = book.hospital(actor).stream().filter(f -> f.measure() == chosen).findFirst().orElse(null);
        Paged<ForecastBook.ChannelRow> rows = book.channels(actor, query);
        common(actor, model);
        model.addAttribute("errors", errors);
        model.addAttribute("measure", chosen.name());
        model.addAttribute("q", query.text() == null ? "" : query.text());
        model.addAttribute("method", query.method() == null ? "" : query.method().name());
        model.addAttribute("measures", ForecastMeasure.values());
        model.addAttribute("methods", Method.values());
        model.addAttribute("hospital", hospital == null ? null : views.of(hospital, locale));
        boolean money = chosen == ForecastMeasure.REVENUE;
        model.addAttribute("rows", rows.map(r -> row(r, money, locale)));
        model.addAttribute("nextMonth", book.run(actor).map(r -> views.month(r.lastMonth().plusMonths(1), locale))
                .orElse(""));
        model.addAttribute("canRecompute", ForecastVisibility.recomputes(actor));
        return "insight/forecasts";
    }

    @GetMapping("/channels/{code}")
    @PreAuthorize("hasAnyRole('ANALYST', 'CHANNEL_USER')")
    String channel(Actor actor, @PathVariable String code, Model model, Locale locale) {
        ForecastBook.ChannelForecasts found = book.channel(actor, code);
        common(actor, model);
        model.addAttribute("channel", found.channel());
        model.addAttribute("forecasts", found.forecasts().stream().map(f -> views.of(f, locale)).toList());
        model.addAttribute("seesList", ForecastVisibility.sees(actor));
        return "insight/forecast-channel";
    }

    @PostMapping("/recompute")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String recompute(Actor actor, Locale locale, RedirectAttributes redirect) {
        ForecastRun run = book.recompute(actor);
        redirect.addFlashAttribute("flash", messages.getMessage("insight.forecast.flash.computed",
                new Object[] {run.channels(), views.month(run.lastMonth(), locale)}, locale));
        return "redirect:/insight/forecasts";
    }

    private void common(Actor actor, Model model) {
        model.addAttribute("activeNav", "forecasts");
        model.addAttribute("run", book.run(actor).orElse(null));
        model.addAttribute("horizon", book.horizon());
    }

    /** One channel of the list as shown: its next month's forecast and bands, the method, the back-test error. */
    record Row(String code, String name, String method, int historyMonths, String next, String band80,
               String band95, String mape) {
    }

    private Row row(ForecastBook.ChannelRow r, boolean money, Locale locale) {
        Forecast.Month n = r.next();
        return new Row(r.code(), r.name(), views.method(r.method().name(), locale), r.historyMonths(),
                n == null ? "—" : views.amount(n.value(), money, locale),
                n == null ? "—" : views.band(n.lower80(), n.upper80(), money, locale),
                n == null ? "—" : views.band(n.lower95(), n.upper95(), money, locale),
                ForecastViews.mape(r.backtestMape()));
    }
}
