package org.meridian.indicator.scoring;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An indicator (指标, engine.md §3): a code, a name in Chinese and English, a unit of measure, a direction and
 * a formula over measures. Catalogue entries and the indicators copied into a scheme snapshot are this type.
 *
 * @param code   upper-case letters, digits and {@code _}, 2–40 characters, starting with a letter
 * @param unitZh the unit as shown in Chinese (人次, %, 小时, ‰, 万元…)
 * @param unitEn the unit as shown in English
 * @param dimension the dimension it counts in ({@link Dimension#DEFAULT} when none is given)
 */
public record IndicatorDefinition(String code, String nameZh, String nameEn, String unitZh, String unitEn,
                                  Direction direction, Formula formula, String descriptionZh,
                                  String descriptionEn, Dimension dimension) {

    public static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    public IndicatorDefinition {
        Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("indicator code '" + code + "' is not of the form " + CODE);
        }
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(unitZh, "unitZh");
        Objects.requireNonNull(unitEn, "unitEn");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(formula, "formula");
        descriptionZh = descriptionZh == null ? "" : descriptionZh;
        descriptionEn = descriptionEn == null ? "" : descriptionEn;
        dimension = dimension == null ? Dimension.DEFAULT : dimension;
    }

    /** An indicator of the default dimension ({@link Dimension#CHANNEL}). */
    public IndicatorDefinition(String code, String nameZh, String nameEn, String unitZh, String unitEn,
                               Direction direction, Formula formula, String descriptionZh, String descriptionEn) {
        this(code, nameZh, nameEn, unitZh, unitEn, direction, formula, descriptionZh, descriptionEn, Dimension.DEFAULT);
    }
}
