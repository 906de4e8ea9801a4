package org.meridian.shared.audit.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.meridian.shared.audit.AuditValueNames;
import org.meridian.shared.security.CurrentUser;
import org.meridian.shared.security.MeridianUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log in words ({@code ${@auditText...}} on the audit page): an action's name instead of its code, the
 * details as "field: old → new" lines instead of JSON, a loopback address as "本机". An action or field without a
 * name in the bundle ({@code audit.name.<ACTION>}, {@code audit.field.<field>}, a stored enum value's
 * {@code audit.value.<VALUE>}) is shown as it is stored, so a new
 * module's entries are never hidden; {@code AuditTextTest} holds every action Meridian records to a name.
 */
@Component("auditText")
public class AuditText {

    private static final java.util.regex.Pattern ENUM_VALUE = java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]+");

    private final MessageSource messages;
    private final JsonMapper json;
    private final List<AuditValueNames> names;

    AuditText(MessageSource messages, JsonMapper json) {
        this(messages, json, List.of());
    }

    @Autowired
    AuditText(MessageSource messages, JsonMapper json, List<AuditValueNames> names) {
        this.messages = messages;
        this.json = json;
        this.names = List.copyOf(names);
    }

    /** The action's name, e.g. "修改角色" for ROLES_CHANGED. */
    public String action(String code) {
        if (code == null) {
            return "";
        }
        String name = messages.getMessage("audit.name." + code, null, null, locale());
        if (name == null && code.startsWith("INCENTIVE_SANCTION_")) {
            String level = code.substring("INCENTIVE_SANCTION_".length());
            // the level in words as the incentive pages name it (预警, 观察期 …), its code only if it has no name
            String levelName = messages.getMessage("incentive.sanctions.level." + level, null, level, locale());
            name = messages.getMessage("audit.name.INCENTIVE_SANCTION", new Object[] {levelName}, null, locale());
        }
        return name == null ? code : name;
    }

    /**
     * Who did it, as a person reads it: an account's username as it is, Meridian's own work (a system actor
     * {@code system:<what>}, or the older bare {@code system}) as "系统（自动）".
     */
    public String who(String username) {
        if (username == null) {
            return "";
        }
        if (username.equals("system") || username.startsWith("system:")) {
            return messages.getMessage("audit.who.system", null, "system", locale());
        }
        return username;
    }

    /** Whether the action has a name of its own (not shown as its code). */
    boolean named(String code) {
        return !action(code).equals(code);
    }

    /** The details as lines a person reads; empty details give no line. */
    public List<String> details(String details) {
        if (details == null || details.isBlank()) {
            return List.of();
        }
        JsonNode root;
        try {
            root = json.readTree(details);
        } catch (RuntimeException e) {
            return List.of(details);
        }
        if (!root.isObject()) {
            return List.of(value(null, root));
        }
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            lines.add(field(field.getKey()) + separator() + value(field.getKey(), field.getValue()));
        }
        return lines;
    }

    /**
     * What the action was done to: as stored ("plan 2", "CH-001"), but a code by its name — a unit type (a scheme's
     * target) or an indicator (a new indicator's).
     */
    public String target(String target) {
        if (target == null || !ENUM_VALUE.matcher(target).matches()) {
            return target == null ? "" : target;
        }
        return value("indicator", tools.jackson.databind.node.StringNode.valueOf(target));
    }

    /** The address; the machine itself (loopback) in words. */
    public String address(String address) {
        if (address == null || address.isBlank()) {
            return "—";
        }
        String a = address.strip();
        boolean loopback = a.equals("::1") || a.equals("0:0:0:0:0:0:0:1") || a.startsWith("127.");
        return loopback ? messages.getMessage("audit.address.local", null, a, locale()) : a;
    }

    private String field(String name) {
        return messages.getMessage("audit.field." + name, null, name, locale());
    }

    private String value(String name, JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "—";
        }
        if (v.isObject() && v.has("old") && v.has("new") && v.size() == 2) {
            return value(name, v.get("old")) + " → " + value(name, v.get("new"));
        }
        if (v.isArray()) {
            if (v.isEmpty()) {
                return "—";
            }
            List<String> items = new ArrayList<>();
            v.forEach(item -> items.add(value(name, item)));
            return String.join("、", items);
        }
        if (v.isBoolean()) {
            return messages.getMessage(v.booleanValue() ? "audit.yes" : "audit.no", null, locale());
        }
        if (v.isObject()) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, JsonNode> f : v.properties()) {
                parts.add(field(f.getKey()) + separator() + value(f.getKey(), f.getValue()));
            }
            return String.join("；", parts);
        }
        String text = v.asString();
        if (!ENUM_VALUE.matcher(text).matches()) {
            return text;
        }
        // a code: named by the module that owns it (an indicator), else a role, a unit type, or another enum value
        // stored by its name (audit.value.<CODE>)
        Optional<String> named = ownName(name, text);
        if (named.isPresent()) {
            return named.get();
        }
        String role = messages.getMessage("role." + text, null, null, locale());
        if (role != null) {
            return role;
        }
        String unitType = messages.getMessage("unitType." + text, null, null, locale());
        return unitType != null ? unitType : messages.getMessage("audit.value." + text, null, text, locale());
    }

    private Optional<String> ownName(String field, String value) {
        if (field == null || names.isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> hospital = CurrentUser.find().map(MeridianUser::hospitalId);
        if (hospital.isEmpty()) {
            return Optional.empty();
        }
        boolean english = locale().getLanguage().equals("en");
        return names.stream().map(n -> n.name(hospital.get(), field, value, english))
                .flatMap(Optional::stream).findFirst();
    }

    private String separator() {
        return locale().getLanguage().equals("en") ? ": " : "：";
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
