package org.meridian.shared.files;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link FileLimits} of the settings {@code meridian.files.*} (application.properties, docs/security.md). */
@Configuration(proxyBeanMethods = false)
class FileSettings {

    @Bean
    FileLimits fileLimits(@Value("${meridian.files.max-cell-chars:32767}") int maxCellChars,
                          @Value("${meridian.files.max-columns:1000}") int maxColumns,
                          @Value("${meridian.files.max-unpacked-bytes:1073741824}") long maxUnpackedBytes,
                          @Value("${meridian.files.max-part-bytes:67108864}") long maxPartBytes) {
        return new FileLimits(maxCellChars, maxColumns, maxUnpackedBytes, maxPartBytes);
    }
}
