package org.meridian.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A constant named in a request: trimmed, any case; blank is none; an unknown name is what the caller says. */
class EnumsTest {

    enum Colour { RED, DARK_BLUE }

    @Test
    void aNameIsReadTrimmedInAnyCaseAndBlankIsNone() {
        assertThat(Enums.named(Colour.class, "  dark_Blue ", IllegalStateException::new)).isEqualTo(Colour.DARK_BLUE);
        assertThat(Enums.named(Colour.class, "RED", IllegalStateException::new)).isEqualTo(Colour.RED);
        assertThat(Enums.named(Colour.class, null, IllegalStateException::new)).isNull();
        assertThat(Enums.named(Colour.class, "   ", IllegalStateException::new)).isNull();
    }

    @Test
    void anUnknownNameIsTheCallersProblemOrNothing() {
        assertThatThrownBy(() -> Enums.named(Colour.class, "GREEN", () -> new IllegalStateException("no GREEN")))
                .hasMessage("no GREEN");
        assertThat(Enums.named(Colour.class, "GREEN", () -> null)).isNull();
        assertThatThrownBy(() -> Enums.required(Colour.class, " ", () -> new IllegalStateException("required")))
                .hasMessage("required");
        assertThat(Enums.required(Colour.class, "red", IllegalStateException::new)).isEqualTo(Colour.RED);
    }
}
