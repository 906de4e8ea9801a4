package org.meridian.notification;

import java.util.List;
import java.util.Map;

/**
 * What of a notification may leave Meridian by e-mail or webhook (外发内容). A message goes out only when its key is
 * listed here, and only with the arguments Meridian itself produced (numbers, periods, names of channels,
 * departments and unit types, dates, a doctor's name); text a person typed — the desk's message on a converted
 * referral, the reason of a declined one — stays inside, since it may name a patient. Any other message goes out as
 * "you have a new notification of this kind, sign in to read it". No notification names a patient, and this keeps
 * it so for text that no code controls.
 */
final class OutboundText {

    /** The message used for a kind whose message is not listed. */
    static final String GENERIC = "notification.outbound.generic";

    /** Each listed key, with the message that goes out instead and how many leading arguments it keeps. */
    private static final Map<String, Rewrite> LISTED = Map.ofEntries(
            Map.entry("notification.message.evaluationPublished", new Rewrite("notification.message.evaluationPublished", 3)),
            Map.entry("notification.message.reportReady", new Rewrite("notification.message.reportReady", 2)),
            Map.entry("notification.message.referralSubmitted", new Rewrite("notification.message.referralSubmitted", 4)),
            Map.entry("notification.message.referralAccepted", new Rewrite("notification.message.referralAccepted", 3)),
            Map.entry("notification.message.referralScheduled", new Rewrite("notification.message.referralScheduled", 6)),
            Map.entry("notification.message.referralArrived", new Rewrite("notification.message.referralArrived", 3)),
            Map.entry("notification.message.referralConverted", new Rewrite("notification.message.referralConverted", 3)),
            Map.entry("notification.message.referralConvertedWithMessage",
                    new Rewrite("notification.message.referralConverted", 3)),
            Map.entry("notification.message.referralDeclined", new Rewrite("notification.outbound.referralDeclined", 3)),
            // appeals and rectification: the decision's reason and the action's text were typed by a person
            Map.entry("notification.message.appealFiled", new Rewrite("notification.message.appealFiled", 4)),
            Map.entry("notification.message.appealUpheld", new Rewrite("notification.message.appealUpheld", 3)),
            Map.entry("notification.message.appealRejected", new Rewrite("notification.outbound.appealRejected", 3)),
            Map.entry("notification.message.actionOverdue", new Rewrite("notification.outbound.actionOverdue", 3)),
            Map.entry("notification.message.ownActionOverdue", new Rewrite("notification.outbound.ownActionOverdue", 3)));

    /**
     * Listed keys that go out as they are, with every argument: names of channels, tiers and rules, periods and
     * usernames, all produced or checked by Meridian (a decision's note is never an argument).
     */
    private static final java.util.Set<String> WHOLE = java.util.Set.of(
            "notification.message.tierChangeRequested", "notification.message.tierChangeApproved",
            "notification.message.tierChangeRejected", "notification.message.tierChanged",
            "notification.message.statementToReview", "notification.message.statementToApprove",
            "notification.message.statementApproved", "notification.message.complianceSignOff",
            "notification.message.terminationApproved", "notification.message.terminationDeclined");

    private record Rewrite(String key, int keptArgs) {
    }

    /** A message key with its arguments, as {@link Notification} keeps them. */
    record Text(String messageKey, List<String> args) {
    }

    private OutboundText() {
    }

    static Text of(NotificationKind kind, String messageKey, List<String> args) {
        Rewrite rewrite = WHOLE.contains(messageKey) ? new Rewrite(messageKey, args.size()) : LISTED.get(messageKey);
        if (rewrite == null) {
            return new Text(GENERIC, List.of(Notification.MESSAGE_ARG + "notification.kind." + kind.name()));
        }
        return new Text(rewrite.key(), List.copyOf(args.subList(0, Math.min(rewrite.keptArgs(), args.size()))));
    }
}
