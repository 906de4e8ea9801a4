package org.meridian.channel.web;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.meridian.shared.web.Downloads;
import org.meridian.channel.ChannelExport;
import org.meridian.channel.ChannelImport;
import org.meridian.shared.Actor;
import org.meridian.shared.tenant.HospitalCalendar;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.web.ProblemTexts;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Bulk import from CSV/XLSX with its per-row report, and export of the filtered list to XLSX. */
@Controller
@RequestMapping("/channels")
@PreAuthorize("hasRole('ANALYST')")
class ChannelFilePages {

    private final ChannelImport imports;
    private final ChannelExport export;
    private final HospitalCalendar calendar;
    private final MessageSource messages;
    private final ProblemTexts texts;

    ChannelFilePages(ChannelImport imports, ChannelExport export, HospitalCalendar calendar, MessageSource messages,
                     ProblemTexts texts) {
        this.imports = imports;
        this.export = export;
        this.calendar = calendar;
        this.messages = messages;
        this.texts = texts;
    }

    /** A rejected row as shown: its number, code and each problem as "field: message". */
    record ShownRow(int index, String code, List<String> problems) {
    }

    @GetMapping("/export.xlsx")
    void exportXlsx(Actor actor, @RequestParam(required = false) String q, @RequestParam(required = false) String type,
                    @RequestParam(required = false) String tier, @RequestParam(required = false) String status,
                    @RequestParam(required = false) String region,
                    @RequestParam(required = false) String cooperationLevel,
                    @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                    HttpServletResponse response) throws IOException {
        ListFilter filter = new ListFilter(q, type, tier, status, region, cooperationLevel, sort, dir, 0, 1000);
        String day = calendar.today(actor.hospitalId()).format(DateTimeFormatter.BASIC_ISO_DATE);
        export.write(actor, filter.query(), LocaleContextHolder.getLocale(),
                Downloads.xlsx(response, "channels-" + day + ".xlsx"));
    }

    @GetMapping("/import")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String importForm(Model model) {
        common(model);
        return "channels/import";
    }

    @PostMapping("/import")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String importFile(Actor actor, @RequestParam(required = false) MultipartFile file, Model model) throws IOException {
        common(model);
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", texts.text(Problem.of("file", "channel.import.noFile")));
            return "channels/import";
        }
        try {
            ChannelImport.Report report = imports.importFile(actor, file.getOriginalFilename(),
                    file.getBytes());
            List<ShownRow> rows = new ArrayList<>();
            for (ChannelImport.RejectedRow r : report.rejected()) {
                rows.add(new ShownRow(r.index(), r.code(), r.problems().stream()
                        .map(p -> fieldCaption(p.path()) + "：" + texts.text(p)).toList()));
            }
            model.addAttribute("report", report);
            model.addAttribute("rejectedRows", rows);
            model.addAttribute("filename", file.getOriginalFilename());
        } catch (InvalidInputException e) {
            model.addAttribute("fileError", String.join("；", e.problems().stream().map(texts::text).toList()));
        }
        return "channels/import";
    }

    private void common(Model model) {
        model.addAttribute("activeNav", "channels");
        model.addAttribute("columns", ChannelImport.COLUMNS);
        model.addAttribute("maxRows", ChannelImport.MAX_ROWS);
    }

    private String fieldCaption(String field) {
        return messages.getMessage("channel.field." + field, null, field, LocaleContextHolder.getLocale());
    }

}
