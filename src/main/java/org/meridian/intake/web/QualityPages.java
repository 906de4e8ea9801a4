package org.meridian.intake.web;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.meridian.channel.ChannelRef;
import org.meridian.channel.ChannelRegistry;
import org.meridian.channel.ChannelStatus;
import org.meridian.intake.EventImports;
import org.meridian.intake.IntakeQuality;
import org.meridian.intake.RejectionWorkbook;
import org.meridian.intake.RowMessages;
import org.meridian.shared.Actor;
import org.meridian.shared.security.CurrentUser;
import org.meridian.shared.tenant.HospitalCalendar;
import org.meridian.shared.web.Paged;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The data quality page (数据质量) for CHANNEL_MANAGER and above, scoped to the user's hospital: the
 * imports of a period with their counts (files are uploaded on the import page, {@link ImportPages}), each import's rejected rows with every
 * reason and as XLSX, referrals accepted before they were made or at another channel, referrals not
 * accepted within the acceptance SLA ({@code meridian.intake.acceptance-sla}, default 24 h, another value
 * can be tried in the form), channels that stopped sending, and referral bursts.
 */
@Controller
@PreAuthorize("hasRole('CHANNEL_MANAGER')")
class QualityPages {

    static final int PAGE_SIZE = 20;

    private final IntakeQuality quality;
    private final RejectionWorkbook workbook;
    private final RowMessages rowMessages;
    private final ChannelRegistry registry;
    private final HospitalCalendar calendar;
    private final Duration defaultSla;

    QualityPages(IntakeQuality quality, RejectionWorkbook workbook, RowMessages rowMessages,
                 ChannelRegistry registry, HospitalCalendar calendar, @Value("${meridian.intake.acceptance-sla:24h}") Duration defaultSla) {
        this.quality = quality;
        this.workbook = workbook;
        this.rowMessages = rowMessages;
        this.registry = registry;
        this.calendar = calendar;
        this.defaultSla = defaultSla;
    }

    @GetMapping("/intake/quality")
    String page(Actor actor, @ModelAttribute("filter") QualityFilter filter, BindingResult errors, Model model) {
        long h = actor.hospitalId();
        LocalDate today = calendar.today(h);
        QualityFilter.Resolved f = filter.resolve(today, defaultSla, errors);
        Channels channels = new Channels(actor, registry);

        IntakeQuality.ImportsPage importsPage = quality.imports(h, calendar.zone(h), f.from(), f.to(),
                f.tab().equals("imports") ? f.page() : 0, PAGE_SIZE);
        Paged<IntakeQuality.PairIssue> pairs = quality.pairIssues(h, f.from(), f.to(),
                f.tab().equals("pairs") ? f.page() : 0, PAGE_SIZE);
        Paged<IntakeQuality.LateReferral> late = quality.lateReferrals(h, f.sla(), f.from(), f.to(),
                f.byReferralTime() ? IntakeQuality.LateSort.REFERRED : IntakeQuality.LateSort.HOURS,
                f.tab().equals("late") ? f.page() : 0, PAGE_SIZE);
        List<IntakeQuality.QuietChannel> quiet = quality.quietChannels(h, today, f.quietDays()).stream()
                .filter(q -> channels.ref(q.channelId()).map(c -> c.status() != ChannelStatus.TERMINATED).orElse(true))
                .toList();
        List<IntakeQuality.Burst> bursts = quality.bursts(h, f.from(), f.to());

        model.addAttribute("activeNav", "intake");
        model.addAttribute("intakeTab", "quality");
        model.addAttribute("tab", f.tab());
        model.addAttribute("from", f.from());
        model.addAttribute("to", f.to());
        model.addAttribute("slaHours", f.sla().toHours());
        model.addAttribute("quietDays", f.quietDays());
        model.addAttribute("byReferralTime", f.byReferralTime());
        model.addAttribute("imports", importsPage.imports());
        model.addAttribute("rejectedRows", importsPage.rejectedRows());
        model.addAttribute("pairs", pairs);
        model.addAttribute("late", late);
        model.addAttribute("quiet", quiet);
        model.addAttribute("bursts", bursts);
        model.addAttribute("channels", channels);
        model.addAttribute("burstMinimum", IntakeQuality.BURST_MINIMUM);
        model.addAttribute("burstBaseline", IntakeQuality.BURST_BASELINE_DAYS);
        model.addAttribute("burstFactor", IntakeQuality.BURST_FACTOR);
        return "intake/quality";
    }

    @GetMapping("/intake/quality/imports/{id}")
    String rejections(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
        long h = CurrentUser.hospitalId();
        EventImports.ImportRun run = quality.importRun(h, id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Paged<IntakeQuality.Rejection> rows = quality.rejections(h, id, Math.max(0, page), PAGE_SIZE);
        model.addAttribute("activeNav", "intake");
        model.addAttribute("intakeTab", "quality");
        model.addAttribute("run", run);
        model.addAttribute("rows", rows.map(r -> new ShownRejection(r,
                rowMessages.localise(r.reasons(), LocaleContextHolder.getLocale()))));
        model.addAttribute("attributeColumns", rows.items().stream()
                .flatMap(r -> r.values().keySet().stream())
                .filter(k -> !RejectionWorkbook.COLUMNS.contains(k)).distinct().sorted().toList());
        return "intake/rejections";
    }

    /** A rejected row with its reasons in the reader's language. */
    record ShownRejection(IntakeQuality.Rejection row, List<String> reasons) {
    }

    @GetMapping("/intake/quality/imports/{id}/rejections.xlsx")
    void download(@PathVariable long id, HttpServletResponse response) throws IOException {
        long h = CurrentUser.hospitalId();
        if (quality.importRun(h, id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"import-" + id + "-rejections.xlsx\"");
        workbook.write(h, id, LocaleContextHolder.getLocale(), response.getOutputStream());
    }

    /** Channel references of the hospital by id, looked up once each. */
    static final class Channels {
        private final Actor actor;
        private final Map<Long, Optional<ChannelRef>> cache = new HashMap<>();
        private final ChannelRegistry registry;

        private Channels(Actor actor, ChannelRegistry registry) {
            this.actor = actor;
            this.registry = registry;
        }

        Optional<ChannelRef> ref(long id) {
            return cache.computeIfAbsent(id, i -> registry.find(actor, i));
        }

        /** "CODE name", or null when the channel is unknown. */
        public String label(long id) {
            return ref(id).map(c -> c.code() + " " + c.name()).orElse(null);
        }

        public ChannelRef get(long id) {
            return ref(id).orElse(null);
        }
    }
}
