package org.meridian.shared.audit.web;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.tenant.Hospitals;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * 审计日志 (audit log viewer) for administrators: who did what, when, to what and from where, filtered
 * by action prefix, actor and date range, 50 entries a page. An htmx request gets only the results.
 */
@Controller
@RequestMapping("/admin/audit")
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

    static final int PAGE_SIZE = 50;

    private final AuditLog audit;
    private final Hospitals hospitals;

    AuditController(AuditLog audit, Hospitals hospitals) {
        this.audit = audit;
        this.hospitals = hospitals;
    }

    @GetMapping
    String view(@AuthenticationPrincipal MeridianUser admin, @ModelAttribute("filter") AuditFilter filter,
                BindingResult binding, @RequestHeader(value = "HX-Request", required = false) String htmx,
                @RequestHeader(value = "HX-History-Restore-Request", required = false) String historyRestore,
                Model model) {
        ZoneId zone = hospitals.find(admin.hospitalId()).orElseThrow().timeZone();
        if (filter.getFrom() != null && filter.getTo() != null && filter.getFrom().isAfter(filter.getTo())) {
            binding.rejectValue("to", "audit.error.toBeforeFrom");
        }
        if (binding.hasErrors()) {
            model.addAttribute("result", new AuditLog.Page(List.of(), 0, PAGE_SIZE, 0));
        } else {
            OffsetDateTime from = filter.getFrom() == null ? null
                    : filter.getFrom().atStartOfDay(zone).toOffsetDateTime();
            OffsetDateTime to = filter.getTo() == null ? null
                    : filter.getTo().plusDays(1).atStartOfDay(zone).toOffsetDateTime();
            model.addAttribute("result", audit.search(admin.hospitalId(),
                    new AuditLog.Query(filter.getAction(), filter.getActor(), from, to), filter.getPage(), PAGE_SIZE));
        }
        model.addAttribute("actions", audit.actions(admin.hospitalId()));
        model.addAttribute("zone", zone);
        model.addAttribute("activeNav", "admin");
        model.addAttribute("adminTab", "audit");
        // a history restore after "back" needs the whole page, any other htmx request only the results
        return htmx != null && historyRestore == null ? "admin/audit :: results" : "admin/audit";
    }
}
