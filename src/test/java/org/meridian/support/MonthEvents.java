package org.meridian.support;

import java.util.List;

/**
 * Intake events as JSON for the journeys: a channel's referrals and arrivals in one month, spread over its first
 * days (referrals on the 1st–9th, arrivals on the 10th–18th, 10:00 Beijing time), for {@code POST /api/v1/events}.
 */
public final class MonthEvents {

    private MonthEvents() {
    }

    /** Adds {@code referrals} REFERRAL events and {@code arrivals} ARRIVED events of the channel in the month. */
    public static void add(List<String> events, String channel, String month, int referrals, int arrivals) {
        for (int i = 0; i < referrals; i++) {
            events.add(event(channel + month + "r" + i, "REFERRAL", channel, month + "-0" + (1 + i % 9),
                    ", \"referralId\": \"" + channel + month + "R" + i + "\""));
        }
        for (int i = 0; i < arrivals; i++) {
            events.add(event(channel + month + "a" + i, "ARRIVED", channel, month + "-1" + (i % 9), ""));
        }
    }

    private static String event(String id, String type, String channel, String day, String more) {
        return "{\"eventId\": \"" + id + "\", \"type\": \"" + type + "\", \"channel\": \"" + channel
                + "\", \"occurredAt\": \"" + day + "T10:00:00+08:00\"" + more + "}";
    }
}
