package org.meridian.shared.db;

import java.nio.file.Path;

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
                                                 @Value("${meridian.db.ephemeral:false}") boolean ephemeral) {
        Path data = Path.of(dataDir).toAbsolutePath().normalize();
        Path runtime = runtimeDir.isBlank() ? data.resolve("pg-runtime") : Path.of(runtimeDir).toAbsolutePath();
        return EmbeddedPostgresServer.start(data, runtime, durable, ephemeral);
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
