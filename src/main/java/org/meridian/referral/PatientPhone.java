package org.meridian.referral;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mainland China telephone number as the channel may type it (患者电话), kept in one normal form.
 * <ul>
 * <li>Mobile: 11 digits starting 13–19 ({@code 13812345678}), optionally after {@code +86}, {@code 0086} or
 *     {@code 86}; normal form the 11 digits.</li>
 * <li>Landline: an area code and a local number not starting with 0 or 1: the two-digit areas 010 and 020–029 with
 *     8 digits ({@code 010-62345678}), the other areas 0300–0999 with 7 or 8 digits ({@code 0755-82345678}),
 *     optionally with an extension of up to 6 digits after {@code -}, {@code 转} or {@code #}; normal form
 *     {@code 0755-82345678} (and {@code -123} for an extension).</li>
 * </ul>
 * Spaces, brackets and dashes between digit groups are ignored. Anything else is not a number the desk can call.
 */
public record PatientPhone(String value) {

    private static final Pattern MOBILE = Pattern.compile("(?:\\+86|0086|86)?(1[3-9]\\d{9})");
    private static final Pattern LANDLINE = Pattern.compile(
            "(?:(0(?:10|2\\d))([2-9]\\d{7})|(0[3-9]\\d{2})([2-9]\\d{6,7}))(?:[-转#](\\d{1,6}))?");
    private static final Pattern NORMAL = Pattern.compile(
            "1[3-9]\\d{9}|(?:0(?:10|2\\d)-[2-9]\\d{7}|0[3-9]\\d{2}-[2-9]\\d{6,7})(?:-\\d{1,6})?");

    public PatientPhone {
        if (value == null || !NORMAL.matcher(value).matches()) {
            throw new IllegalArgumentException("not a mainland phone number in normal form");
        }
    }

    /** The number in normal form, or empty when the text is no mainland mobile or landline number. */
    public static Optional<PatientPhone> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String compact = text.strip().replaceAll("[\\s()（）]", "");
        Matcher mobile = MOBILE.matcher(compact.replace("-", ""));
        if (mobile.matches()) {
            return Optional.of(new PatientPhone(mobile.group(1)));
        }
        Optional<PatientPhone> whole = landline(compact.replace("-", ""));
        if (whole.isPresent() || compact.lastIndexOf('-') < 0) {
            return whole;
        }
        // the last dash may also introduce an extension: 010-6234-5678-123
        int last = compact.lastIndexOf('-');
        return landline(compact.substring(0, last).replace("-", "") + "#" + compact.substring(last + 1));
    }

    private static Optional<PatientPhone> landline(String text) {
        Matcher landline = LANDLINE.matcher(text);
        if (!landline.matches()) {
            return Optional.empty();
        }
        String area = landline.group(1) != null ? landline.group(1) : landline.group(3);
        String number = landline.group(1) != null ? landline.group(2) : landline.group(4);
        String ext = landline.group(5);
        return Optional.of(new PatientPhone(area + "-" + number + (ext == null ? "" : "-" + ext)));
    }

    /** The number with all but its first three and last four digits hidden: {@code 138****5678}. */
    public String masked() {
        String digits = value.replace("-", "");
        return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
    }
}
