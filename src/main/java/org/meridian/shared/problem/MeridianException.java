package org.meridian.shared.problem;

import java.util.List;
import java.util.Map;

/**
 * The root of Meridian's own failures that a caller should read: each carries a stable {@code kind} (the last part of
 * the problem type URN {@code urn:meridian:<module>:<kind>}), a message key with its arguments for the caller's
 * language, and an English sentence for logs. One advice answers them all: RFC 9457 problem details for the API,
 * the Chinese error page for browsers.
 */
public abstract sealed class MeridianException extends RuntimeException
        permits NotFoundException, RefusedException, ConflictException, InvalidInputException, UnavailableException {

    private final String module;
    private final String kind;
    private final String messageKey;
    private final List<Object> args;

    protected MeridianException(String module, String kind, String messageKey, List<Object> args, String logMessage) {
        super(logMessage);
        this.module = module;
        this.kind = kind;
        this.messageKey = messageKey;
        this.args = args == null ? List.of() : List.copyOf(args);
    }

    /** The module that refused, e.g. {@code appeal}; part of the problem type URN. */
    public String module() {
        return module;
    }

    /** What kind of problem, stable for programs, e.g. {@code not-found}, {@code four-eyes}. */
    public String kind() {
        return kind;
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Object> args() {
        return args;
    }

    /**
     * Further members of the API's problem details besides {@code type}, {@code title}, {@code detail} and
     * {@code errors}, e.g. an English {@code reason} for support; none by default. A module's subclass overrides it.
     */
    public Map<String, Object> details() {
        return Map.of();
    }

    /** {@code urn:meridian:<module>:<kind>}. */
    public String typeUrn() {
        return "urn:meridian:" + module + ":" + kind;
    }
}
