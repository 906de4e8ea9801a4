package org.meridian.intake;

import org.meridian.shared.tenant.Hospitals;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --check-rollups} (property {@code meridian.check-rollups=true}): after start-up (and after any
 * demo data), runs {@link RollupCheckCommand} for every hospital, prints the result on standard output,
 * stops the application and exits with the command's status.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
@ConditionalOnBooleanProperty("meridian.check-rollups")
class RollupCheckRunner implements ApplicationRunner {

    private final RollupCheckCommand command;
    private final Hospitals hospitals;
    private final ConfigurableApplicationContext context;

    RollupCheckRunner(RollupCheckCommand command, Hospitals hospitals, ConfigurableApplicationContext context) {
        this.command = command;
        this.hospitals = hospitals;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        int status = command.run(hospitals.all(), System.out);
        System.exit(SpringApplication.exit(context, () -> status));
    }
}
