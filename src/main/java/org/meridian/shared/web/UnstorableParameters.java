package org.meridian.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a request whose parameters (query, form fields, multipart text fields) or uploaded file names hold text
 * PostgreSQL cannot store ({@link StorableText}): 400 with every such parameter named (API: problem details with
 * {@code errors}; browser: the error page), before any controller runs, so nothing is half-done. Before this, a NUL
 * in a search box, a name or a reason reached the database and answered 500. A parameter written as a decimal
 * number must also lie in {@link InputNumbers}' range ({@code weight=1e100000} is refused the same way).
 */
final class UnstorableParameters implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
            boolean bad = !StorableText.isStorable(p.getKey());
            for (String value : p.getValue()) {
                bad |= !StorableText.isStorable(value);
            }
            if (bad) {
                problems.add(Problem.of(printable(p.getKey()), "problem.unstorable"));
                continue;
            }
            for (String value : p.getValue()) {
                if (!InputNumbers.textInRange(value)) {
                    problems.add(Problem.of(p.getKey(), "problem.numberOutOfRange",
                            InputNumbers.MAX_INTEGER_DIGITS, InputNumbers.MAX_FRACTION_DIGITS));
                    break;
                }
            }
        }
        if (request instanceof MultipartHttpServletRequest multipart) {
            for (Map.Entry<String, List<MultipartFile>> files : multipart.getMultiFileMap().entrySet()) {
                for (MultipartFile file : files.getValue()) {
                    if (!StorableText.isStorable(file.getOriginalFilename())) {
                        problems.add(Problem.of(printable(files.getKey()), "problem.unstorableFileName"));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("request", problems);
        }
        return true;
    }

    /** The parameter's name as it can be shown back: the unstorable characters as U+FFFD. */
    private static String printable(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < name.length()
                    && Character.isLowSurrogate(name.charAt(i + 1));
            if (pair) {
                out.append(c).append(name.charAt(++i));
            } else if (c == '\u0000' || Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
