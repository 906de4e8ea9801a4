package org.meridian.channel;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.meridian.shared.UnitType;

/**
 * A channel (渠道) as registered: an external referral partner of the hospital. {@code region} is a
 * path of up to three levels separated by {@code /} (市/区/街道); {@code tier} is null until the
 * channel is first tiered.
 */
public record Channel(long id, String code, String name, UnitType type, CooperationLevel cooperationLevel,
                      ChannelStatus status, String tier, String region, String address, String contactName,
                      String contactPhone, LocalDate contractStart, LocalDate contractEnd, String contractRef,
                      String notes, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public ChannelRef ref() {
        return new ChannelRef(id, code, name, type, status, tier, region);
    }

    /** Days from {@code today} to the contract's end; negative when it has ended; null without an end. */
    public Long daysToContractEnd(LocalDate today) {
        return contractEnd == null ? null : java.time.temporal.ChronoUnit.DAYS.between(today, contractEnd);
    }
}
