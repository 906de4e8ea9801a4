package org.meridian.intake;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start-up, every import still RUNNING was cut off when Meridian last stopped (a crash, a kill, a restart during an
 * import): it is marked FAILED, "interrupted by a restart", so that nobody waits for it. Meridian runs as one instance
 * per database, so no import can be running while it starts.
 */
@Component
class InterruptedImports implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InterruptedImports.class);

    private final EventImports imports;

    InterruptedImports(EventImports imports) {
        this.imports = imports;
    }

    @Override
    public void run(ApplicationArguments args) {
        int failed = imports.failInterrupted();
        if (failed > 0) {
            log.warn("{} import(s) left running by the last stop marked FAILED", failed);
        }
    }
}
