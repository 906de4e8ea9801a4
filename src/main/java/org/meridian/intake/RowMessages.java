package org.meridian.intake;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The reasons for a rejected row (and the warnings of a stored one) in the reader's language. Intake
 * states every reason as one English sentence (that is what the event store and the import reports keep);
 * each kind of sentence has a stable code (e.g. {@code UNKNOWN_CHANNEL}) and a text in
 * {@code i18n/intake*.properties} under {@code intake.reason.<CODE>} that takes the sentence's variable
 * parts as arguments. A sentence of no known kind is shown as it is, with the code {@code OTHER}.
 */
@Component
public class RowMessages {

    /** A reason in one language, with its stable code. */
    public record Reason(String code, String message) {
    }

    private record Kind(String code, Pattern pattern) {
    }

    /** Every sentence {@code EventValidator}, the batch rules and the source formats produce, in matching order. */
    private static final List<Kind> KINDS = List.of(
            kind("EVENT_ID_REQUIRED", "eventId is required"),
            kind("EVENT_ID_TOO_LONG", "eventId is longer than (\\d+) characters"),
            kind("TYPE_REQUIRED", "type is required"),
            kind("UNKNOWN_TYPE", "unknown type '(.*)' \\(expected one of (.*)\\)"),
            kind("CHANNEL_REQUIRED", "channel is required"),
            kind("UNKNOWN_CHANNEL", "unknown channel '(.*)'"),
            kind("OCCURRED_AT_REQUIRED", "occurredAt is required"),
            kind("OCCURRED_AT_TOO_LATE", "occurredAt (.*) is more than 24 hours after the moment of ingestion \\((.*)\\)"),
            kind("OCCURRED_AT_TOO_EARLY", "occurredAt (.*) is before 1900-01-01 \\(the earliest moment an event may have\\)"),
            kind("OCCURRED_AT_INVALID", "occurredAt '(.*)' is not an ISO-8601 instant with offset \\(e\\.g\\. .*\\)"),
            kind("OCCURRED_AT_NOT_A_TIME", "occurredAt '(.*)' is not a date and time \\(e\\.g\\. .*\\)"),
            kind("OCCURRED_AT_IN_GAP", "occurredAt '(.*)' does not exist in (\\S+): the clocks jumped from (\\S+) to"
                    + " (\\S+) that day; give it with its offset"),
            kind("OCCURRED_AT_AMBIGUOUS", "occurredAt '(.*)' happened twice in (\\S+): the clocks went back from (\\S+)"
                    + " to (\\S+) that day \\(offsets (\\S+) and (\\S+)\\); give it with its offset"),
            kind("REFERRAL_ID_REQUIRED", "referralId is required for (\\w+)"),
            kind("REFERRAL_ID_TOO_LONG", "referralId is longer than (\\d+) characters"),
            kind("VALUE_REQUIRED", "value is required for (\\w+)"),
            kind("VALUE_OUT_OF_RANGE", "value (.*) is outside the allowed range \\(at most (\\d+) digits before and"
                    + " (\\d+) after the decimal point\\)"),
            kind("VALUE_NOT_A_NUMBER", "value (.*) is not a number"),
            kind("SURVEY_VALUE_OUT_OF_RANGE", "SURVEY value (.*) is outside 1–5"),
            kind("ATTRIBUTE_NAME_LENGTH", "attribute name '(.*)' must have 1–(\\d+) characters"),
            kind("ATTRIBUTE_TOO_LONG", "attribute (.*) is longer than (\\d+) characters"),
            kind("ATTRIBUTE_NOT_A_STRING", "attribute (.*) must be a string"),
            kind("ATTRIBUTES_NOT_AN_OBJECT", "attributes must be a JSON object of strings"),
            kind("RECOMMEND_INVALID", "attributes\\.recommend '(.*)' is not an integer from 0 to 10"),
            kind("DESTINATION_REQUIRED", "attributes\\.to is required for (\\w+)"),
            kind("UNKNOWN_DESTINATION", "attributes\\.to '(.*)' names no institution of the region"),
            kind("UNKNOWN_ORIGIN", "attributes\\.from '(.*)' is not one of this hospital's institutions"),
            kind("REFERRAL_OUT_TO_ITSELF", "attributes\\.to '(.*)' is the referring institution itself"),
            kind("EVENT_NOT_AN_OBJECT", "an event must be a JSON object"),
            kind("TEXT_NOT_STORABLE", "(.*) contains a character that cannot be stored \\(U\\+0000 or an unpaired"
                    + " surrogate\\)"),
            kind("FIELD_NOT_A_STRING", "(\\w+) must be a string"),
            kind("UNNAMED_COLUMN", "column (\\d+) has a value but no name in the header"),
            kind("CELL_TOO_LONG", "column (\\d+) holds more than ([\\d,]+) characters, the most one cell may hold"),
            kind("EVENT_ID_TAKEN", "eventId '(.*)' is already taken by an event with different content"
                    + " \\(a correction needs a new eventId\\)"),
            kind("REFERRAL_ALREADY_HAS", "referral '(.*)' already has a (\\w+) event \\('(.*)'\\)"),
            kind("ACCEPTED_FIRST", "ACCEPTED '(.*)' precedes its REFERRAL '(.*)'; the pair is not counted in the"
                    + " response time"),
            kind("OTHER_CHANNEL", "ACCEPTED '(.*)' names another channel than its REFERRAL '(.*)'; the response"
                    + " counts for the REFERRAL's channel"));

    private final MessageSource messages;

    RowMessages(MessageSource messages) {
        this.messages = messages;
    }

    private static Kind kind(String code, String regex) {
        return new Kind(code, Pattern.compile(regex, Pattern.DOTALL));
    }

    /** The reason's code and its text in {@code locale}. */
    public Reason reason(String sentence, Locale locale) {
        if (sentence == null) {
            return new Reason("OTHER", "");
        }
        for (Kind kind : KINDS) {
            Matcher m = kind.pattern().matcher(sentence);
            if (m.matches()) {
                Object[] args = new Object[m.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = m.group(i + 1);
                }
                return new Reason(kind.code(),
                        messages.getMessage("intake.reason." + kind.code(), args, sentence, locale));
            }
        }
        return new Reason("OTHER", sentence);
    }

    /** The sentences in {@code locale}. */
    public List<String> localise(List<String> sentences, Locale locale) {
        return sentences.stream().map(s -> reason(s, locale).message()).toList();
    }

    /** The codes of the sentences. */
    public List<String> codes(List<String> sentences) {
        return sentences.stream().map(s -> reason(s, Locale.ENGLISH).code()).toList();
    }
}
