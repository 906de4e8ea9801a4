package org.meridian;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTest {

    @Test
    void modulesRespectTheirDeclaredDependencies() {
        ApplicationModules.of(MeridianApplication.class).verify();
    }
}
