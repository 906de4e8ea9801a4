package org.meridian.shared.db;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded PostgreSQL and a pooled {@link DataSource} on it, unless
 * {@code spring.datasource.url} points Meridian at an external PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(@Value("${meridian.data-dir}") String dataDir,
                                                 @Value("${meridian.db.runtime-dir:}") String runtimeDir,
                                                 @Value("${meridian.db.durable:true}") boolean durable,
                                                 @Value("${meridian.db.ephemeral:false}") boolean ephemeral,
                                                 @Value("${meridian.db.settings:}") String settings) {
        Path data = Path.of(dataDir).toAbsolutePath().normalize();
        Path runtime = runtimeDir.isBlank() ? data.resolve("pg-runtime") : Path.of(runtimeDir).toAbsolutePath();
        return EmbeddedPostgresServer.start(data, runtime, durable, ephemeral, settings(settings));
    }

    /**
     * {@code meridian.db.settings} ({@code MERIDIAN_DB_SETTINGS}): PostgreSQL settings of the embedded server as
     * {@code name=value} pairs separated by commas, e.g. {@code shared_buffers=4GB,max_wal_size=8GB}.
     */
    static Map<String, String> settings(String text) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("meridian.db.settings: '" + pair.strip()
                        + "' is not name=value (e.g. shared_buffers=2GB)");
            }
            settings.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return settings;
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgresServer server,
                                @Value("${meridian.db.pool-size:10}") int poolSize) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername(EmbeddedPostgresServer.USER);
        dataSource.setPassword(server.password());
        dataSource.setMaximumPoolSize(poolSize);
        dataSource.setPoolName("meridian");
        return dataSource;
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
