package org.meridian.intake;

import org.meridian.shared.Actor;
import org.meridian.channel.ChannelDraft;
import org.meridian.channel.ChannelRegistry;
import org.springframework.stereotype.Component;

/** Registers channels for intake tests through the channel module's registry. */
@Component
public class TestChannels {

    private final ChannelRegistry registry;

    public TestChannels(ChannelRegistry registry) {
        this.registry = registry;
    }

    /** Registers an ACTIVE exam-centre channel with this code in the hospital and returns its id. */
    public long create(long hospitalId, String code) {
        return registry.register(Actor.system(hospitalId, "test"), new ChannelDraft(code, "测试渠道 " + code, "EXAM_CENTER", null, null, null,
                null, null, null, null, null, null, null)).id();
    }
}
