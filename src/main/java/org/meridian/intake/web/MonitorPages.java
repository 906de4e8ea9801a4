package org.meridian.intake.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.meridian.channel.ChannelQuery;
import org.meridian.channel.ChannelRef;
import org.meridian.channel.ChannelRegistry;
import org.meridian.channel.ChannelStatus;
import org.meridian.intake.web.MonitorReadModel.Funnel;
import org.meridian.shared.Actor;
import org.meridian.shared.NamedValues;
import org.meridian.shared.UnitType;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.HospitalCalendar;
import org.meridian.shared.web.NavGroup;
import org.meridian.shared.web.NavItem;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.databind.json.JsonMapper;

/**
 * The live monitoring page (实时监控) for ANALYST and above: today and this month at a glance (the
 * referral → accepted → arrived → converted funnel and revenue), the last 30 days as trend lines, and the
 * 5 channels with the most and the fewest referrals this month; filtered by channel type and region, and
 * refreshed every 30 seconds by htmx (with {@code HX-Request} only the live part is answered).
 */
@Controller
@PreAuthorize("hasRole('ANALYST')")
class MonitorPages {

    static final int TREND_DAYS = 30;
    static final int RANK = 5;
    private static final Set<ChannelStatus> WORKING = ChannelStatus.EVALUABLE;

    private final MonitorReadModel readModel;
    private final ChannelRegistry registry;
    private final HospitalCalendar calendar;
    private final MessageSource messages;
    private final JsonMapper json;

    MonitorPages(MonitorReadModel readModel, ChannelRegistry registry, HospitalCalendar calendar,
                 MessageSource messages, JsonMapper json) {
        this.readModel = readModel;
        this.registry = registry;
        this.calendar = calendar;
        this.messages = messages;
        this.json = json;
    }

    @Bean
    static NavItem intakeNavItem() {
        return new NavItem("intake", 30, "nav.intake", "/intake", Role.ANALYST).inGroup(NavGroup.DATA);
    }

    /** A channel with its month. */
    record Ranked(ChannelRef channel, Funnel month) {
    }

    @GetMapping("/intake")
    String monitor(Actor actor, @RequestParam(required = false) String type, @RequestParam(required = false) String region,
                   @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        long h = actor.hospitalId();
        UnitType unitType = UnitType.channelTypes().stream().filter(t -> t.name().equals(type)).findFirst()
                .orElse(null);
        List<String> regions = registry.regions(actor);
        String regionFilter = regions.contains(region) ? region : null;
        List<ChannelRef> channels = registry.search(actor, new ChannelQuery(null, unitType, null, null, regionFilter,
                null, null, ChannelQuery.Sort.CODE, false, 0, 1000)).items().stream().map(c -> c.ref()).toList();
        List<Long> ids = channels.stream().map(ChannelRef::id).toList();

        LocalDate today = calendar.today(h);
        LocalDate monthStart = today.withDayOfMonth(1);
        Funnel todays = readModel.total(h, ids, today, today);
        Funnel month = readModel.total(h, ids, monthStart, today);
        Map<LocalDate, Funnel> trend = readModel.daily(h, ids, today.minusDays(TREND_DAYS - 1), today);
        Map<Long, Funnel> perChannel = readModel.perChannel(h, ids, monthStart, today);

        List<Ranked> ranked = channels.stream()
                .filter(c -> WORKING.contains(c.status()) || perChannel.containsKey(c.id()))
                .map(c -> new Ranked(c, perChannel.getOrDefault(c.id(), Funnel.ZERO)))
                .toList();
        Comparator<Ranked> byReferrals = Comparator.comparingLong(r -> r.month().referrals());
        List<Ranked> top = ranked.stream()
                .sorted(byReferrals.reversed().thenComparing(r -> r.channel().code())).limit(RANK).toList();
        List<Ranked> bottom = ranked.stream()
                .sorted(byReferrals.thenComparing(r -> r.channel().code())).limit(RANK).toList();

        model.addAttribute("activeNav", "intake");
        model.addAttribute("intakeTab", "monitor");
        model.addAttribute("trendDays", TREND_DAYS);
        model.addAttribute("types", UnitType.channelTypes());
        model.addAttribute("regions", regions);
        model.addAttribute("type", unitType == null ? null : unitType.name());
        model.addAttribute("region", regionFilter);
        model.addAttribute("channelCount", channels.size());
        model.addAttribute("today", today);
        model.addAttribute("monthStart", monthStart);
        model.addAttribute("updatedAt", calendar.now(h).truncatedTo(ChronoUnit.SECONDS));
        model.addAttribute("todays", todays);
        model.addAttribute("month", month);
        model.addAttribute("top", top);
        model.addAttribute("bottom", bottom);
        model.addAttribute("funnelChart", json.writeValueAsString(funnelChart(month)));
        model.addAttribute("trendChart", json.writeValueAsString(trendChart(trend)));
        model.addAttribute("revenueChart", json.writeValueAsString(revenueChart(trend)));
        model.addAttribute("refreshUrl", UriComponentsBuilder.fromPath("/intake")
                .queryParamIfPresent("type", java.util.Optional.ofNullable(unitType).map(Enum::name))
                .queryParamIfPresent("region", java.util.Optional.ofNullable(regionFilter))
                .encode().build().toUriString());
        return htmx != null ? "intake/monitor :: live" : "intake/monitor";
    }

    private Map<String, Object> funnelChart(Funnel f) {
        List<Map<String, Object>> data = List.of(
                Map.of("name", text("monitor.referrals"), "value", f.referrals()),
                Map.of("name", text("monitor.accepted"), "value", f.accepted()),
                Map.of("name", text("monitor.arrivals"), "value", f.arrivals()),
                Map.of("name", text("monitor.conversions"), "value", f.conversions()));
        Map<String, Object> series = NamedValues.of("type", "funnel", "sort", "none", "left", "5%", "width", "90%",
                "top", 10, "bottom", 10, "minSize", "8%", "gap", 2);
        series.put("label", Map.of("position", "inside", "formatter", "{b}  {c}", "color", "#fff"));
        series.put("data", data);
        return Map.of("animation", false, "color", List.of("#0f5f7a", "#127a8a", "#2bb3a3", "#7cc9a5"),
                "tooltip", Map.of("trigger", "item", "formatter", "{b}: {c}"), "series", List.of(series));
    }

    private Map<String, Object> trendChart(Map<LocalDate, Funnel> trend) {
        List<String> days = trend.keySet().stream().map(d -> d.getMonthValue() + "/" + d.getDayOfMonth()).toList();
        List<Map<String, Object>> series = new ArrayList<>();
        series.add(line("monitor.referrals", trend.values().stream().map(Funnel::referrals).toList()));
        series.add(line("monitor.accepted", trend.values().stream().map(Funnel::accepted).toList()));
        series.add(line("monitor.arrivals", trend.values().stream().map(Funnel::arrivals).toList()));
        series.add(line("monitor.conversions", trend.values().stream().map(Funnel::conversions).toList()));
        return Map.of("animation", false, "color", List.of("#0f5f7a", "#e08a00", "#2bb3a3", "#b3261e"),
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 40, "right", 16, "top", 40, "bottom", 28),
                "xAxis", Map.of("type", "category", "boundaryGap", false, "data", days),
                "yAxis", Map.of("type", "value", "minInterval", 1),
                "series", series);
    }

    private Map<String, Object> revenueChart(Map<LocalDate, Funnel> trend) {
        List<String> days = trend.keySet().stream().map(d -> d.getMonthValue() + "/" + d.getDayOfMonth()).toList();
        List<BigDecimal> values = trend.values().stream().map(Funnel::revenue).toList();
        return Map.of("animation", false, "color", List.of("#127a8a"),
                "tooltip", Map.of("trigger", "axis"),
                "grid", Map.of("left", 64, "right", 16, "top", 16, "bottom", 28),
                "xAxis", Map.of("type", "category", "data", days),
                "yAxis", Map.of("type", "value"),
                "series", List.of(Map.of("type", "bar", "name", text("monitor.revenue"), "data", values)));
    }

    private Map<String, Object> line(String key, List<Long> values) {
        return Map.of("type", "line", "name", text(key), "data", values, "smooth", true, "symbol", "none");
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
