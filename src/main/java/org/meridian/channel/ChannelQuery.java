package org.meridian.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.meridian.shared.UnitType;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.web.Paged;

/**
 * A search of the registry: free text over code, name, contact and address; filters by type, tier
 * ({@link #NO_TIER} for channels without one), status, region (a path prefix: {@code 杭州市} selects
 * every district and street beneath it) and cooperation level; contracts ending within a number of
 * days; a sort key and direction; a page.
 */
public record ChannelQuery(String q, UnitType type, String tier, ChannelStatus status, String region,
                           CooperationLevel cooperationLevel, Integer contractEndsWithinDays, Sort sort,
                           boolean descending, int page, int size) {

    /** The tier filter value for channels that have no tier yet. */
    public static final String NO_TIER = "NONE";

    /** Sort keys of the list. */
    public enum Sort {
        CODE("c.code"), NAME("c.name"), TYPE("c.type"), TIER("t.rank"), STATUS("c.status"), REGION("c.region"),
        LEVEL("c.cooperation_level"), CONTRACT_END("c.contract_end"), UPDATED("c.updated_at");

        final String column;

        Sort(String column) {
            this.column = column;
        }
    }

    public ChannelQuery {
        Paged.check(page, size);
        sort = sort == null ? Sort.CODE : sort;
        q = q == null || q.isBlank() ? null : q.strip();
        tier = tier == null || tier.isBlank() ? null : tier.strip();
        region = region == null || region.isBlank() ? null : region.strip();
    }

    public static ChannelQuery all(int page, int size) {
        return new ChannelQuery(null, null, null, null, null, null, null, Sort.CODE, false, page, size);
    }

    /**
     * Reads a search from request parameters as given; an unknown type, status, level or sort key, a
     * bad paging value or a negative day count is a 400 listing every problem.
     */
    public static ChannelQuery parse(String q, String type, String tier, String status, String region,
                                     String cooperationLevel, String contractEndsWithinDays, String sort,
                                     String dir, int page, int size) {
        List<Problem> problems = new ArrayList<>();
        UnitType t = enumParam("type", type, UnitType.class, "channel.error.unknownType", problems);
        ChannelStatus s = enumParam("status", status, ChannelStatus.class, "channel.error.unknownStatus", problems);
        CooperationLevel l = enumParam("cooperationLevel", cooperationLevel, CooperationLevel.class,
                "channel.error.unknownLevel", problems);
        Sort so = enumParam("sort", sort == null ? null : sort.replace('-', '_'), Sort.class,
                "channel.error.unknownSort", problems);
        Integer days = null;
        if (contractEndsWithinDays != null && !contractEndsWithinDays.isBlank()) {
            try {
                days = Integer.valueOf(contractEndsWithinDays.strip());
                if (days < 0 || days > 3660) {
                    problems.add(Problem.of("contractEndsWithinDays", "channel.error.days"));
                }
            } catch (NumberFormatException e) {
                problems.add(Problem.of("contractEndsWithinDays", "channel.error.days"));
            }
        }
        if (dir != null && !dir.isBlank() && !dir.equalsIgnoreCase("asc") && !dir.equalsIgnoreCase("desc")) {
            problems.add(Problem.of("dir", "channel.error.dir"));
        }
        try {
            Paged.check(page, size);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("channel", problems);
        }
        return new ChannelQuery(q, t, tier == null ? null : tier.toUpperCase(Locale.ROOT), s, region, l, days, so,
                "desc".equalsIgnoreCase(dir), page, size);
    }

    private static <E extends Enum<E>> E enumParam(String field, String value, Class<E> type, String key,
                                                   List<Problem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(Problem.of(field, key, value));
            return null;
        }
    }
}
