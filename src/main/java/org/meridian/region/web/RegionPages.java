package org.meridian.region.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.meridian.region.HospitalDraft;
import org.meridian.region.NewHospital;
import org.meridian.region.RegionAdministration;
import org.meridian.shared.Actor;
import org.meridian.shared.UnitKind;
import org.meridian.shared.UnitType;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.tenant.HospitalProfile;
import org.meridian.shared.web.Paged;
import org.meridian.shared.web.ProblemTexts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Region administration pages (区域管理), for the region administrator: the region's hospitals (filtered by text,
 * type and district, paged, cards on a phone), one hospital, a new hospital with its first administrator (the
 * one-time password shown once, on the answer to the form, never again), and the grants page (who sees what).
 */
@Controller
@RequestMapping("/region")
@PreAuthorize("hasRole('REGION_ADMIN')")
class RegionPages {

    static final int PAGE_SIZE = 25;

    private final RegionAdministration administration;
    private final ProblemTexts texts;

    RegionPages(RegionAdministration administration, ProblemTexts texts) {
        this.administration = administration;
        this.texts = texts;
    }

    @GetMapping("/hospitals")
    String hospitals(Actor actor, @RequestParam(required = false) String q, @RequestParam(required = false) String type,
                     @RequestParam(required = false) String district, @RequestParam(defaultValue = "0") int page,
                     @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        common(model, "hospitals");
        UnitType t = institutionType(type);
        String text = blank(q);
        String d = blank(district);
        Paged<HospitalProfile> result = administration.hospitals(actor, text, t, d, Math.max(page, 0), PAGE_SIZE);
        Map<String, String> filter = new LinkedHashMap<>();
        filter.put("q", text == null ? "" : text);
        filter.put("type", t == null ? "" : t.name());
        filter.put("district", d == null ? "" : d);
        model.addAttribute("filter", filter);
        model.addAttribute("result", result);
        model.addAttribute("types", UnitType.of(UnitKind.INSTITUTION).stream().map(UnitType::name).toList());
        model.addAttribute("districts", administration.districts(actor));
        return htmx != null ? "region/hospitals :: results" : "region/hospitals";
    }

    @GetMapping("/hospitals/new")
    String newHospital(Model model) {
        common(model, "hospitals");
        model.addAttribute("form", new HospitalDraft("", "", "", "", "", "Asia/Shanghai", "", ""));
        model.addAttribute("errors", Map.of());
        return "region/hospital-new";
    }

    @PostMapping("/hospitals")
    String create(Actor actor, @RequestParam Map<String, String> params, HttpServletResponse response, Model model) {
        common(model, "hospitals");
        HospitalDraft draft = new HospitalDraft(params.get("code"), params.get("name"), params.get("type"),
                params.get("level"), params.get("district"), params.get("timeZone"), params.get("adminUsername"),
                params.get("adminDisplayName"));
        try {
            NewHospital created = administration.create(actor, draft);
            response.setHeader("Cache-Control", "no-store");
            model.addAttribute("created", created);
            return "region/hospital-created";
        } catch (InvalidInputException e) {
            model.addAttribute("form", draft);
            model.addAttribute("errors", texts.byField(e.problems(), " "));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "region/hospital-new";
        }
    }

    @GetMapping("/hospitals/{code}")
    String hospital(Actor actor, @PathVariable String code, Model model) {
        common(model, "hospitals");
        model.addAttribute("hospital", administration.hospital(actor, code));
        return "region/hospital";
    }

    @GetMapping("/grants")
    String grants(Actor actor, @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                  Model model) {
        common(model, "grants");
        String text = blank(q);
        model.addAttribute("q", text == null ? "" : text);
        model.addAttribute("grants", administration.grants(actor, text, Math.max(page, 0), PAGE_SIZE));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("grantForm")) {
            model.addAttribute("grantForm", Map.of("username", "", "hospital", ""));
        }
        return "region/grants";
    }

    @PostMapping("/grants")
    String grant(Actor actor, @RequestParam(required = false) String username,
                 @RequestParam(required = false) String hospital, HttpServletResponse response, Model model,
                 RedirectAttributes redirect) {
        try {
            administration.grant(actor, username, hospital);
            redirect.addFlashAttribute("notice", "region.grants.granted");
            return "redirect:/region/grants";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", texts.byField(e.problems(), " "));
            model.addAttribute("grantForm", Map.of("username", username == null ? "" : username,
                    "hospital", hospital == null ? "" : hospital));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return grants(actor, null, 0, model);
        }
    }

    @PostMapping("/grants/revoke")
    String revoke(Actor actor, @RequestParam String username, @RequestParam String hospital,
                  RedirectAttributes redirect) {
        administration.revoke(actor, username, hospital);
        redirect.addFlashAttribute("notice", "region.grants.revoked");
        return "redirect:/region/grants";
    }

    private static void common(Model model, String tab) {
        model.addAttribute("activeNav", RegionNavigation.NAV_ID);
        model.addAttribute("regionTab", tab);
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** An institution type from a filter, or null for none or one that is not an institution type. */
    static UnitType institutionType(String text) {
        String t = blank(text);
        if (t == null) {
            return null;
        }
        try {
            UnitType u = UnitType.valueOf(t);
            return u.kind() == UnitKind.INSTITUTION ? u : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
