package org.meridian.channel;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.meridian.shared.UnitType;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.web.StorableText;

/**
 * A channel's editable fields as a person or a file gave them, before they are checked: every value a
 * string, so that a wrong date or an unknown type is reported beside its field like any other problem.
 * {@link #check(boolean)} lists every problem at once (the registry's input rules, docs/channels.md).
 */
public record ChannelDraft(String code, String name, String type, String cooperationLevel, String status,
                           String region, String address, String contactName, String contactPhone,
                           String contractStart, String contractEnd, String contractRef, String notes) {

    public static final int CODE_MAX = 32;
    public static final int NAME_MAX = 100;
    public static final int REGION_MAX = 160;
    public static final int REGION_LEVELS = 3;
    public static final int REGION_LEVEL_MAX = 50;
    public static final int ADDRESS_MAX = 200;
    public static final int CONTACT_NAME_MAX = 50;
    public static final int CONTRACT_REF_MAX = 64;
    public static final int NOTES_MAX = 1000;

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    /** Mainland mobile (optionally +86), landline with area code and optional extension, or a 400 number. */
    private static final Pattern PHONE = Pattern.compile(
            "(\\+86[- ]?)?1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?|400-?\\d{3}-?\\d{4}");

    /** The checked, typed fields of a channel. */
    public record Fields(String code, String name, UnitType type, CooperationLevel cooperationLevel,
                         ChannelStatus status, String region, String address, String contactName,
                         String contactPhone, LocalDate contractStart, LocalDate contractEnd, String contractRef,
                         String notes) {
    }

    public static ChannelDraft of(Channel c) {
        return new ChannelDraft(c.code(), c.name(), c.type().name(),
                c.cooperationLevel() == null ? null : c.cooperationLevel().name(), c.status().name(), c.region(),
                c.address(), c.contactName(), c.contactPhone(),
                c.contractStart() == null ? null : c.contractStart().toString(),
                c.contractEnd() == null ? null : c.contractEnd().toString(), c.contractRef(), c.notes());
    }

    /**
     * Checks every field and answers the typed fields, or throws {@link InvalidInputException} listing
     * every problem. When {@code registering}, a missing status means ACTIVE and TERMINATED is refused.
     */
    public Fields check(boolean registering) {
        List<Problem> problems = new ArrayList<>();
        String code = text("code", code(), CODE_MAX, true, problems);
        if (code != null && !CODE.matcher(code).matches()) {
            problems.add(Problem.of("code", "channel.error.codeFormat"));
        }
        String name = text("name", name(), NAME_MAX, true, problems);
        UnitType type = choice("type", type(), UnitType.class, true, "channel.error.unknownType", problems);
        CooperationLevel level = choice("cooperationLevel", cooperationLevel(), CooperationLevel.class, false,
                "channel.error.unknownLevel", problems);
        ChannelStatus status = choice("status", status(), ChannelStatus.class, false, "channel.error.unknownStatus",
                problems);
        if (status == null && registering && blank(status())) {
            status = ChannelStatus.ACTIVE;
        }
        if (registering && status != null && !status.allowedAtRegistration()) {
            problems.add(Problem.of("status", "channel.error.registerTerminated"));
        }
        String region = text("region", region(), REGION_MAX, false, problems);
        if (region != null) {
            region = normaliseRegion(region, problems);
        }
        String address = text("address", address(), ADDRESS_MAX, false, problems);
        String contactName = text("contactName", contactName(), CONTACT_NAME_MAX, false, problems);
        String phone = trim(contactPhone());
        if (phone != null && !PHONE.matcher(phone).matches()) {
            problems.add(Problem.of("contactPhone", "channel.error.phone"));
        }
        LocalDate start = date("contractStart", contractStart(), problems);
        LocalDate end = date("contractEnd", contractEnd(), problems);
        if (start != null && end != null && end.isBefore(start)) {
            problems.add(Problem.of("contractEnd", "channel.error.endBeforeStart"));
        }
        String ref = text("contractRef", contractRef(), CONTRACT_REF_MAX, false, problems);
        String notes = text("notes", notes(), NOTES_MAX, false, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("channel", problems);
        }
        return new Fields(code, name, type, level, status, region, address, contactName, phone, start, end, ref,
                notes);
    }

    /** 市/区/街道: one to three non-empty levels joined by "/", each at most 50 characters. */
    private static String normaliseRegion(String region, List<Problem> problems) {
        String[] parts = region.split("/", -1);
        List<String> levels = new ArrayList<>();
        for (String p : parts) {
            levels.add(p.strip());
        }
        if (levels.size() > REGION_LEVELS || levels.stream().anyMatch(String::isEmpty)) {
            problems.add(Problem.of("region", "channel.error.regionFormat", REGION_LEVELS));
            return null;
        }
        if (levels.stream().anyMatch(l -> l.length() > REGION_LEVEL_MAX)) {
            problems.add(Problem.of("region", "channel.error.tooLong", REGION_LEVEL_MAX));
            return null;
        }
        return String.join("/", levels);
    }

    private static String text(String field, String value, int max, boolean required, List<Problem> problems) {
        String v = trim(value);
        if (v == null) {
            if (required) {
                problems.add(Problem.of(field, "channel.error.required"));
            }
            return null;
        }
        if (v.length() > max) {
            problems.add(Problem.of(field, "channel.error.tooLong", max));
            return null;
        }
        if (!StorableText.isStorable(v)) {
            // a NUL in a cell of an imported file failed the whole import (issue 18 point 4)
            problems.add(Problem.of(field, "channel.error.notStorable"));
            return null;
        }
        return v;
    }

    private static <E extends Enum<E>> E choice(String field, String value, Class<E> type, boolean required,
                                                String unknownKey, List<Problem> problems) {
        String v = trim(value);
        if (v == null) {
            if (required) {
                problems.add(Problem.of(field, "channel.error.required"));
            }
            return null;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(Problem.of(field, unknownKey, v));
            return null;
        }
    }

    private static LocalDate date(String field, String value, List<Problem> problems) {
        String v = trim(value);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            problems.add(Problem.of(field, "channel.error.date", v));
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.strip();
    }
}
