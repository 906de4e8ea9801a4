package org.meridian.intake.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.meridian.channel.Channel;
import org.meridian.channel.ChannelQuery;
import org.meridian.channel.ChannelRegistry;
import org.meridian.intake.EventImports;
import org.meridian.intake.EventType;
import org.meridian.intake.ImportFileException;
import org.meridian.shared.Actor;
import org.meridian.shared.tenant.HospitalCalendar;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The event import page (数据导入), a tab of the intake section (数据采集) for CHANNEL_MANAGER and above: the upload
 * form, what a file may hold (encodings, times without offset read in the hospital's zone, date cells), the template
 * to download as CSV or XLSX, what the last upload did (rows, the encoding it was read in, the times read as local
 * times) and the hospital's imports, newest first, each linking to its rejected rows.
 */
@Controller
@PreAuthorize("hasRole('CHANNEL_MANAGER')")
class ImportPages {

    static final int PAGE_SIZE = 20;
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final EventImports imports;
    private final ChannelRegistry registry;
    private final HospitalCalendar calendar;
    private final MessageSource messages;

    ImportPages(EventImports imports, ChannelRegistry registry, HospitalCalendar calendar, MessageSource messages) {
        this.imports = imports;
        this.registry = registry;
        this.calendar = calendar;
        this.messages = messages;
    }

    @GetMapping("/intake/imports")
    String page(Actor actor, @RequestParam(defaultValue = "0") int page, Model model) {
        long h = actor.hospitalId();
        ZoneId zone = calendar.zone(h);
        model.addAttribute("activeNav", "intake");
        model.addAttribute("intakeTab", "imports");
        model.addAttribute("zone", zone(zone, LocaleContextHolder.getLocale()));
        model.addAttribute("columns", template(actor).columns());
        model.addAttribute("imports", imports.list(h, Math.max(0, page), PAGE_SIZE));
        return "intake/imports";
    }

    @PostMapping("/intake/imports")
    String upload(Actor actor, @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("uploadError", "quality.upload.required");
            return "redirect:/intake/imports";
        }
        Path stored = Files.createTempFile("meridian-import-", ".upload");
        try {
            file.transferTo(stored);
            EventImports.Result result = imports.importFile(actor, file.getOriginalFilename(), stored);
            redirect.addFlashAttribute("uploaded", new Uploaded(result.importId(), file.getOriginalFilename(),
                    result.report().accepted(), result.report().duplicates(), result.report().rejected().size(),
                    result.encoding() == null ? null : result.encoding().label(), result.localTimes(),
                    zone(result.timeZone(), LocaleContextHolder.getLocale())));
        } catch (ImportFileException e) {
            redirect.addFlashAttribute("uploadFailure", e.getMessage());
        } finally {
            Files.deleteIfExists(stored);
        }
        return "redirect:/intake/imports";
    }

    /** What the last upload did, for the message above the form. */
    record Uploaded(long id, String fileName, int accepted, int duplicates, int rejected, String encoding,
                    int localTimes, String zone) {
    }

    @GetMapping("/intake/imports/template.csv")
    void csv(Actor actor, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"meridian-events-template.csv\"");
        response.getOutputStream().write(template(actor).template().csv());
    }

    @GetMapping("/intake/imports/template.xlsx")
    void xlsx(Actor actor, HttpServletResponse response) throws IOException {
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", "attachment; filename=\"meridian-events-template.xlsx\"");
        template(actor).template().xlsx(response.getOutputStream());
    }

    /** The template of the hospital, and its columns with their notes for the page. */
    private Template template(Actor actor) {
        long h = actor.hospitalId();
        List<Channel> first = registry.search(actor, ChannelQuery.all(0, 1)).items();
        String channel = first.isEmpty() ? "CH-001" : first.get(0).code();
        EventTemplate t = new EventTemplate(messages, LocaleContextHolder.getLocale(), channel,
                calendar.today(h).minusDays(1).atTime(LocalTime.of(10, 0)));
        return new Template(t, messages);
    }

    private record Template(EventTemplate template, MessageSource messages) {
        /**
         * The columns as the page shows them: the notes of the page (in words; the codes a person types are listed
         * apart, shown as code), the example's values.
         */
        List<Column> columns() {
            List<String> example = template.example();
            Locale locale = LocaleContextHolder.getLocale();
            return java.util.stream.IntStream.range(0, EventTemplate.COLUMNS.size())
                    .mapToObj(i -> {
                        String name = EventTemplate.COLUMNS.get(i);
                        String note = messages.getMessage("imports.page.column." + name, null, null, locale);
                        List<Code> codes = name.equals("type") ? java.util.Arrays.stream(EventType.values())
                                .map(t -> new Code(t.name(), messages.getMessage("intake.eventType." + t.name(), null,
                                        t.name(), locale))).toList() : List.of();
                        return new Column(name, note != null ? note : template.note(name), codes, example.get(i));
                    })
                    .toList();
        }
    }

    /** One column of the template: its name, its note, the codes it takes (type) and the example's value. */
    record Column(String name, String note, List<Code> codes, String example) {
    }

    /** A code a column takes, with its name. */
    record Code(String code, String name) {
    }

    /** The zone as people read it: {@code Asia/Shanghai（中国时间）}. */
    static String zone(ZoneId zone, Locale locale) {
        String name = zone.getDisplayName(TextStyle.FULL, locale);
        return name.equals(zone.getId()) ? name : zone.getId() + (Locale.CHINESE.getLanguage().equals(locale.getLanguage())
                ? "（" + name + "）" : " (" + name + ")");
    }
}
