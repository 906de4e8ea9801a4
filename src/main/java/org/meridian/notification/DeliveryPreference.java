package org.meridian.notification;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.meridian.shared.Actor;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.NotFoundException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.problem.RefusedException;
import org.meridian.shared.security.Accounts;
import org.meridian.shared.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each user's choice of which notifications also reach them outside Meridian, and how (提醒方式): by e-mail to the
 * address they give, and by the group robot their administrator set for them. Nothing is chosen at first: the
 * in-app inbox alone. A user offered a kind is one whose roles may receive it ({@link #kindsFor(Actor)}).
 */
@Service
public class DeliveryPreference {

    /** A kind of notification wanted by a way. */
    public record Pick(NotificationKind kind, DeliveryWay way) {

        public Pick {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(way, "way");
        }
    }

    /**
     * What a user chose, and what they may choose from.
     *
     * @param email       the address e-mails go to; null when none was given
     * @param robot       the group robot the administrator set for the user; null when none
     * @param kinds       the kinds the user may receive, in the order of {@link NotificationKind}
     */
    public record Choices(String email, WebhookFormat robot, List<NotificationKind> kinds, Set<Pick> picks) {

        public Choices {
            kinds = List.copyOf(kinds);
            picks = Set.copyOf(picks);
        }

        public boolean picked(NotificationKind kind, DeliveryWay way) {
            return picks.contains(new Pick(kind, way));
        }
    }

    /**
     * A user's group robot, as the administrator's list shows it.
     *
     * @param url    the robot's URL; shown only as {@link #site()}, since it holds the robot's key
     * @param signed whether a DingTalk signing secret is kept
     */
    public record Robot(String username, WebhookFormat format, String url, boolean signed) {

        public Robot {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(url, "url");
        }

        /** The URL's scheme, host and path, without its query (the key): {@code https://qyapi.weixin.qq.com/…}. */
        public String site() {
            int query = url.indexOf('?');
            return (query < 0 ? url : url.substring(0, query)) + (query < 0 ? "" : "?…");
        }
    }

    /**
     * The roles, held directly, whose holders the kind's audience policy reaches ({@link PublicationAudience},
     * {@link ReferralAudience}, {@link AlertAudience}, {@link RepeatAlertAudience}, {@link TierChangeAudience},
     * {@link IncentiveAudience}, {@link AppealAudience}, {@link OverdueAudience}); no kind reaches a role outside
     * these, so none is offered to it.
     * Direct, not through the hierarchy: an alert reaches the channel office (CHANNEL_MANAGER), not the analyst, the
     * hospital manager or the administrator above it.
     */
    static Set<Role> audience(NotificationKind kind) {
        return switch (kind) {
            case EVALUATION_PUBLISHED -> PublicationAudience.OFFICE;
            case REPORT_READY, REFERRAL_ACCEPTED, REFERRAL_SCHEDULED, REFERRAL_ARRIVED, REFERRAL_CONVERTED,
                 REFERRAL_DECLINED -> EnumSet.of(Role.CHANNEL_USER);
            case REFERRAL_SUBMITTED -> EnumSet.of(Role.REFERRAL_DESK, Role.CHANNEL_MANAGER);
            case ALERT_RAISED -> EnumSet.of(Role.CHANNEL_MANAGER, Role.CHANNEL_USER);
            case REPEAT_RATE_ALERT -> RepeatAlertAudience.ROLES;
            case TIER_CHANGE_REQUESTED, STATEMENT_TO_APPROVE, COMPLIANCE_SIGN_OFF -> IncentiveAudience.DECIDERS;
            case TIER_CHANGE_DECIDED -> TierChangeAudience.REQUESTERS;
            case TIER_CHANGED, STATEMENT_APPROVED -> EnumSet.of(Role.CHANNEL_USER);
            case STATEMENT_TO_REVIEW, TERMINATION_DECIDED -> EnumSet.of(Role.CHANNEL_MANAGER);
            case APPEAL_FILED -> AppealAudience.DECIDERS;
            case APPEAL_DECIDED -> EnumSet.of(Role.CHANNEL_USER);
            case RECTIFICATION_OVERDUE -> EnumSet.of(Role.CHANNEL_MANAGER, Role.CHANNEL_USER);
        };
    }

    /** A plain address: something@domain.tld, no spaces, no second @ (RFC 5322 allows more; mail servers do not). */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final int EMAIL_LENGTH = 254;

    private static final int URL_LENGTH = 500;
    private static final int SECRET_LENGTH = 200;

    private final Preferences preferences;
    private final Accounts accounts;
    private final AuditLog audit;
    private final Clock clock;

    DeliveryPreference(Preferences preferences, Accounts accounts, AuditLog audit, Clock clock) {
        this.preferences = preferences;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** The caller's choices. */
    @Transactional(readOnly = true)
    public Choices of(Actor actor) {
        requirePerson(actor);
        Preferences.Contact contact = preferences.contact(actor.hospitalId(), actor.username());
        return new Choices(contact.email(), contact.webhookFormat(), kindsFor(actor),
                preferences.picks(actor.hospitalId(), actor.username()));
    }

    /**
     * Replaces the caller's choices: the e-mail address (blank for none) and the kinds wanted by each way. Every
     * problem is reported at once and nothing is saved then: an address that is not one, e-mail chosen without an
     * address, a robot chosen when the administrator set none, a kind the caller never receives.
     */
    @Transactional
    public Choices save(Actor actor, String email, Set<Pick> picks) {
        requirePerson(actor);
        String address = email == null || email.isBlank() ? null : email.strip();
        Preferences.Contact contact = preferences.contact(actor.hospitalId(), actor.username());
        List<NotificationKind> offered = kindsFor(actor);
        List<Problem> problems = new ArrayList<>();
        if (address != null && (address.length() > EMAIL_LENGTH || !EMAIL.matcher(address).matches())) {
            problems.add(Problem.of("email", "notification.problem.email", address));
        }
        if (address == null && picks.stream().anyMatch(p -> p.way() == DeliveryWay.EMAIL)) {
            problems.add(Problem.of("email", "notification.problem.emailNeeded"));
        }
        if (contact.webhookUrl() == null && picks.stream().anyMatch(p -> p.way() == DeliveryWay.WEBHOOK)) {
            problems.add(Problem.of("picks", "notification.problem.noRobot"));
        }
        if (picks.stream().anyMatch(p -> !offered.contains(p.kind()))) {
            problems.add(Problem.of("picks", "notification.problem.kindNotOffered"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("notification", problems);
        }
        preferences.saveEmail(actor.hospitalId(), actor.username(), address, clock.instant());
        preferences.replacePicks(actor.hospitalId(), actor.username(), picks);
        return of(actor);
    }

    /** The hospital's users with a group robot, by username: for administrators only. */
    @Transactional(readOnly = true)
    public List<Robot> robots(Actor actor) {
        requireAdmin(actor);
        return preferences.robots(actor.hospitalId());
    }

    /**
     * Sets the group robot that {@code username}'s notifications go to, when they choose it (群机器人): its format,
     * its URL ({@code http} or {@code https}, with its key) and, for a DingTalk robot secured by signing, its secret
     * (blank: none). Every problem is reported at once and nothing is saved: no such user in the hospital, no format,
     * a URL that is not an absolute http(s) address, a secret for a WeCom robot or one too long. Audited without
     * the URL or the secret.
     */
    @Transactional
    public void setRobot(Actor actor, String username, WebhookFormat format, String url, String secret) {
        requireAdmin(actor);
        String user = username == null ? "" : username.strip();
        String address = url == null ? "" : url.strip();
        String key = secret == null || secret.isBlank() ? null : secret.strip();
        List<Problem> problems = new ArrayList<>();
        boolean known = accounts.list(actor.hospitalId(), clock.instant()).stream()
                .anyMatch(a -> a.username().equals(user));
        if (!known) {
            problems.add(Problem.of("username", "notification.problem.noSuchUser", user));
        }
        if (format == null) {
            problems.add(Problem.of("format", "notification.problem.robotFormat"));
        }
        if (!isRobotUrl(address)) {
            problems.add(Problem.of("url", "notification.problem.robotUrl"));
        }
        if (key != null && (format == WebhookFormat.WECOM || key.length() > SECRET_LENGTH)) {
            problems.add(Problem.of("secret", "notification.problem.robotSecret"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("notification", problems);
        }
        preferences.saveWebhook(actor.hospitalId(), user, format, address, key, clock.instant());
        audit.record(actor.hospitalId(), actor.username(), "NOTIFICATION_ROBOT_SET", user,
                Map.of());
    }

    /** Removes {@code username}'s robot; their robot choices then send nothing until one is set again. */
    @Transactional
    public void removeRobot(Actor actor, String username) {
        requireAdmin(actor);
        if (preferences.robots(actor.hospitalId()).stream().noneMatch(r -> r.username().equals(username))) {
            throw new NotFoundException("notification", "robot", username, "notification.problem.noRobotOf");
        }
        preferences.saveWebhook(actor.hospitalId(), username, null, null, null, clock.instant());
        audit.record(actor.hospitalId(), actor.username(), "NOTIFICATION_ROBOT_REMOVED", username, Map.of());
    }

    private static boolean isRobotUrl(String url) {
        if (url.isEmpty() || url.length() > URL_LENGTH) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getUserInfo() == null && uri.getFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void requireAdmin(Actor actor) {
        RefusedException.unless(actor.has(Role.ADMIN), "notification", "robots-admin-only",
                "notification.problem.robotsAdminOnly",
                actor.username() + " is no administrator and may not set group robots");
    }

    /** The kinds {@code actor}'s roles may receive (a channel user's only once bound to a channel). */
    static List<NotificationKind> kindsFor(Actor actor) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(actor.roles());
        if (actor.channelId() == null) {
            roles.remove(Role.CHANNEL_USER);
        }
        return Arrays.stream(NotificationKind.values())
                .filter(k -> audience(k).stream().anyMatch(roles::contains))
                .toList();
    }

    private static void requirePerson(Actor actor) {
        if (actor.isSystem()) {
            throw new IllegalArgumentException("the system has no notification preferences: " + actor.username());
        }
    }
}
