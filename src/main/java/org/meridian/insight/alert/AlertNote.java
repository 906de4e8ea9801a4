package org.meridian.insight.alert;

import java.util.List;

import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;

/** The note of an acknowledgement or a closing: required to acknowledge, at most {@value #MAX} characters. */
public record AlertNote(String text) {

    public static final int MAX = 500;

    /** The note, trimmed; blank becomes null when {@code required} is false. Problems on the field {@code note}. */
    public static AlertNote parse(String text, boolean required) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() && required) {
            throw new InvalidInputException("insight", List.of(Problem.of("note", "insight.alert.problem.noteRequired")));
        }
        if (t.codePointCount(0, t.length()) > MAX) {
            throw new InvalidInputException("insight",
                    List.of(Problem.of("note", "insight.alert.problem.noteTooLong", MAX, t.codePointCount(0, t.length()))));
        }
        return new AlertNote(t.isEmpty() ? null : t);
    }
}
