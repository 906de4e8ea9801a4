package org.meridian.intake;

import java.util.Optional;

import org.meridian.channel.ChannelRef;
import org.meridian.channel.ChannelRegistry;
import org.meridian.shared.Actor;
import org.springframework.stereotype.Component;

/** Channel codes resolved by the channel module's registry. Any status counts: the code only has to be known. */
@Component
class RegistryChannelCodes implements ChannelCodes {

    private final ChannelRegistry registry;

    RegistryChannelCodes(ChannelRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Optional<Long> idOf(long hospitalId, String code) {
        return registry.findByCode(Actor.system(hospitalId, "intake"), code).map(ChannelRef::id);
    }
}
