package org.meridian.shared.files;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * Date-time cells of a spreadsheet (日期单元格). Excel, WPS and LibreOffice save a typed date or time as a number — days
 * since the workbook's epoch, the time of day as the fraction — with a number format that shows it as a date. Which
 * formats are dates: the built-in format ids of ECMA-376 Part 1, 18.8.30 (14–22 dates and times, 45–47 times) and those
 * Chinese and other East Asian editions add (27–36, 50–58: {@code yyyy"年"m"月"d"日"} and the like), and any custom
 * format whose code, outside quoted text and brackets, holds a date or time letter ({@code y m d h s}) —
 * {@code yyyy-mm-dd hh:mm}, {@code m/d/yy}, {@code [$-804]yyyy"年"m"月"}; {@code General} and {@code 0.00E+00} are not.
 * The day count starts at 1899-12-30 (so 1 is 1900-01-01 after Excel's fictitious 1900-02-29; days before 1900-03-01
 * are off by one, as in Excel, and never matter for Meridian's data) or, in a workbook saved with the 1904 date system,
 * at 1904-01-01. The time is rounded to the nearest millisecond, since the fraction is a binary double
 * ({@code 0.427083333…} is 10:15:00.000).
 */
public final class SheetDates {

    private static final Set<Integer> BUILT_IN = Set.of(14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33,
            34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58);
    private static final LocalDate EPOCH_1900 = LocalDate.of(1899, 12, 30);
    private static final LocalDate EPOCH_1904 = LocalDate.of(1904, 1, 1);
    private static final BigDecimal MILLIS_PER_DAY = BigDecimal.valueOf(86_400_000L);

    private SheetDates() {
    }

    /** Whether a number cell with this format id and (custom) format code shows a date or a time. */
    public static boolean isDate(Integer formatId, String formatCode) {
        if (formatId != null && BUILT_IN.contains(formatId)) {
            return true;
        }
        return formatCode != null && hasDateLetter(formatCode);
    }

    /** Whether the format shows a time of day (an hour, or seconds). */
    public static boolean showsTime(Integer formatId, String formatCode) {
        if (formatCode == null) {
            return formatId != null && (formatId >= 18 && formatId <= 22 || formatId >= 45 && formatId <= 47
                    || formatId >= 32 && formatId <= 35 || formatId >= 55 && formatId <= 58);
        }
        String code = bare(formatCode);
        return code.indexOf('h') >= 0 || code.indexOf('s') >= 0;
    }

    /** The local date-time of a day number in the 1900 (or 1904) date system; null for a negative number. */
    public static LocalDateTime localDateTime(BigDecimal serial, boolean date1904) {
        if (serial.signum() < 0 || serial.compareTo(BigDecimal.valueOf(2_958_466)) >= 0) {
            return null; // before the epoch or after 9999-12-31: no date a spreadsheet shows
        }
        long millis = serial.multiply(MILLIS_PER_DAY).setScale(0, RoundingMode.HALF_UP).longValueExact();
        LocalDate epoch = date1904 ? EPOCH_1904 : EPOCH_1900;
        return epoch.atStartOfDay().plus(millis, ChronoUnit.MILLIS);
    }

    /**
     * The cell as ISO-8601 local text, as a person would have typed it: {@code 2026-11-19T09:00} (seconds and
     * fractions only when there are any) when the format shows a time, {@code 2026-11-19} when it shows only a date;
     * null when the number is no date.
     */
    public static String text(BigDecimal serial, boolean date1904, Integer formatId, String formatCode) {
        LocalDateTime t = localDateTime(serial, date1904);
        if (t == null) {
            return null;
        }
        return showsTime(formatId, formatCode) || !t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                ? t.toString() : t.toLocalDate().toString();
    }

    private static boolean hasDateLetter(String formatCode) {
        String code = bare(formatCode);
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == 'y' || c == 'm' || c == 'd' || c == 'h' || c == 's') {
                return true;
            }
        }
        return false;
    }

    /** The format code in lower case without quoted text, bracketed parts and escaped characters. */
    private static String bare(String formatCode) {
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        int bracket = 0;
        for (int i = 0; i < formatCode.length(); i++) {
            char c = formatCode.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (quoted) {
                continue;
            } else if (c == '\\' || c == '_' || c == '*') {
                i++;
            } else if (c == '[') {
                bracket++;
            } else if (c == ']') {
                bracket = Math.max(0, bracket - 1);
            } else if (bracket == 0) {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }
}
