package org.meridian;

import java.util.Arrays;
import java.util.stream.Stream;

import org.meridian.shared.backup.BackupCommand;
import org.meridian.shared.health.HealthCheckCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Meridian (经络): performance management for a hospital's referral channels.
 *
 * <p>{@code --demo} (or {@code MERIDIAN_DEMO=true}) starts it with a demo hospital, demo accounts
 * for every role and each module's demo data. {@code --check-rollups} starts it (its web server on a free port),
 * checks every hospital's daily rollups against its events, prints the differences and exits with status
 * 1 when there is one (0 when all are exact). {@code --backup FILE} and {@code --restore FILE} run
 * {@link BackupCommand} instead of Meridian, {@code --health-check} asks a running Meridian whether it is ready
 * ({@link HealthCheckCommand}, the container image's health check) (docs/deployment.md).
 */
@SpringBootApplication
@EnableScheduling
public class MeridianApplication {

    public static void main(String[] args) {
        if (HealthCheckCommand.wanted(args)) {
            System.exit(HealthCheckCommand.run(System.getenv(), System.err));
        }
        if (BackupCommand.wanted(args)) {
            System.exit(BackupCommand.run(args, System.getenv(), System.console(), System.out, System.err));
        }
        SpringApplication.run(MeridianApplication.class, demoSwitch(args));
    }

    /** Turns the bare {@code --demo} and {@code --check-rollups} switches into their properties. */
    static String[] demoSwitch(String[] args) {
        return Arrays.stream(args)
                .flatMap(arg -> switch (arg) {
                    case "--demo" -> Stream.of("--meridian.demo=true");
                    case "--check-rollups" -> Stream.of("--meridian.check-rollups=true",
                            "--server.port=0");
                    default -> Stream.of(arg);
                })
                .toArray(String[]::new);
    }
}
