package org.meridian.intake;

import java.util.Optional;

/** Resolves a channel code of a hospital to the channel's id (the channel module owns channels). */
interface ChannelCodes {

    Optional<Long> idOf(long hospitalId, String code);
}
