package org.meridian.shared.web;

import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * The request-body side of {@link StorableText}: every text in a body bound to a record, a map, a list or a string
 * is checked once it is read, before the controller runs; text PostgreSQL could not store answers 400 with each
 * such field named by its path ({@code items[2].name}), so nothing of the request is done. Bodies read as bytes
 * (the event batches, whose bad rows are rejected one by one with the rest kept) are left to their own reader.
 * Every number of such a body must lie in {@link InputNumbers}' range, checked the same way.
 */
@ControllerAdvice
class StorableBodies extends RequestBodyAdviceAdapter {

    /** Deeper than any body Meridian takes; a guard against pathological nesting, not a limit anyone meets. */
    private static final int MAX_DEPTH = 32;

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter,
                                Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        List<Problem> problems = new ArrayList<>();
        walk(body, "", 0, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("request", problems);
        }
        return body;
    }

    private static void walk(Object value, String path, int depth, List<Problem> problems) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof CharSequence text) {
            if (!StorableText.isStorable(text)) {
                problems.add(Problem.of(path.isEmpty() ? "body" : path, "problem.unstorable"));
            }
        } else if (value instanceof Number number) {
            if (!InputNumbers.inRange(number)) {
                problems.add(Problem.of(path.isEmpty() ? "body" : path, "problem.numberOutOfRange",
                        InputNumbers.MAX_INTEGER_DIGITS, InputNumbers.MAX_FRACTION_DIGITS));
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (!StorableText.isStorable(key)) {
                    problems.add(Problem.of(path.isEmpty() ? "body" : path, "problem.unstorable"));
                    continue;
                }
                walk(e.getValue(), path.isEmpty() ? key : path + "." + key, depth + 1, problems);
            }
        } else if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", depth + 1, problems);
            }
        } else if (value instanceof double[] items) {
            for (int i = 0; i < items.length; i++) {
                walk(items[i], path + "[" + i + "]", depth + 1, problems);
            }
        } else if (value instanceof Object[] items) {
            for (int i = 0; i < items.length; i++) {
                walk(items[i], path + "[" + i + "]", depth + 1, problems);
            }
        } else if (value.getClass().isRecord()) {
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                Object field;
                try {
                    c.getAccessor().setAccessible(true);
                    field = c.getAccessor().invoke(value);
                } catch (ReflectiveOperationException | RuntimeException unreadable) {
                    continue;
                }
                walk(field, path.isEmpty() ? c.getName() : path + "." + c.getName(), depth + 1, problems);
            }
        }
    }
}
