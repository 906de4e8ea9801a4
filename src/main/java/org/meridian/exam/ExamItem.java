package org.meridian.exam;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * An item of the region's catalogue (互认项目): its result is recognised for {@code validDays} × 24 h within its
 * {@code scope}; {@code price} (CNY) is what a repeat of it costs. {@code example} marks the seeded example rows.
 */
public record ExamItem(String code, String name, ExamCategory category, int validDays, RecognitionScope scope,
                       BigDecimal price, boolean example) {

    public static final int MAX_VALID_DAYS = 36_500;

    public ExamItem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(price, "price");
        if (validDays < 1 || validDays > MAX_VALID_DAYS) {
            throw new IllegalArgumentException("validDays " + validDays + " is outside 1–" + MAX_VALID_DAYS);
        }
        if (price.signum() < 0) {
            throw new IllegalArgumentException("a price is never negative");
        }
    }

    /** How long a result stays recognised: validDays × 24 h, in instants (no calendar days, no time zone). */
    public Duration validity() {
        return Duration.ofHours(24L * validDays);
    }
}
