package org.meridian.shared.web;

import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, as the API answers every list: {@code {items, page, size, total}} (api.md,
 * Conventions). {@code page} counts from 0; {@code size} is 1 to {@link #MAX_SIZE}.
 */
public record Paged<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 1000;
    public static final int DEFAULT_SIZE = 50;

    public Paged {
        items = List.copyOf(items);
    }

    /** Checks paging parameters; a page below 0 or a size outside 1..1000 is a 400 with both problems listed. */
    public static void check(int page, int size) {
        List<Problem> problems = new ArrayList<>();
        if (page < 0) {
            problems.add(Problem.of("page", "paging.page.negative"));
        }
        if (size < 1 || size > MAX_SIZE) {
            problems.add(Problem.of("size", "paging.size.range", MAX_SIZE));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("request", problems);
        }
    }

    /**
     * One page of a list held whole (a short one: pending tier changes, rule versions), checked as {@link #check}
     * does; a page past the end is empty.
     */
    public static <T> Paged<T> slice(List<T> all, int page, int size) {
        check(page, size);
        long from = Math.min((long) page * size, all.size());
        long to = Math.min(from + size, all.size());
        return new Paged<>(all.subList((int) from, (int) to), page, size, all.size());
    }

    /**
     * The page to show of a list of {@code total} items when {@code page} is asked for: that page, or the last one
     * when it is past the end (the first when the list is empty), so that a page number kept from a longer list
     * shows the end of the list rather than an empty one.
     */
    public static int within(int page, int size, long total) {
        long last = total == 0 ? 0 : (total - 1) / size;
        return (int) Math.min(page, last);
    }

    public long offset() {
        return (long) page * size;
    }

    public int pageCount() {
        return total == 0 ? 1 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public <R> Paged<R> map(Function<? super T, ? extends R> f) {
        return new Paged<>(items.stream().<R>map(f).toList(), page, size, total);
    }
}
