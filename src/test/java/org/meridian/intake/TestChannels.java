package org.meridian.intake;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/** TEMPORARY: channels for intake tests until the channel module's registry is on main. */
@Component
@Primary
public class TestChannels implements ChannelCodes {

    private static final AtomicLong IDS = new AtomicLong(1_000_000);
    private final Map<String, Long> ids = new ConcurrentHashMap<>();

    /** Registers a channel code in a hospital and returns its id. */
    public long create(long hospitalId, String code) {
        return ids.computeIfAbsent(hospitalId + "/" + code, k -> IDS.incrementAndGet());
    }

    @Override
    public Optional<Long> idOf(long hospitalId, String code) {
        return Optional.ofNullable(ids.get(hospitalId + "/" + code));
    }
}
