package se.fragafacket.curation;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** Uploads up to {@code fraga.curation.max-upload-size}; a larger one is stopped while it is read (413). */
@Configuration(proxyBeanMethods = false)
class CurationConfiguration {

    @Bean
    MultipartConfigElement multipartConfigElement(CurationProperties properties) {
        var factory = new MultipartConfigFactory();
        factory.setMaxFileSize(properties.maxUploadSize());
        // room for the form's other fields and the multipart framing
        factory.setMaxRequestSize(DataSize.ofBytes(properties.maxUploadSize().toBytes() + DataSize.ofMegabytes(1).toBytes()));
        factory.setFileSizeThreshold(DataSize.ofMegabytes(1));
        return factory.createMultipartConfig();
    }
}
