package se.fragafacket.config;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the service finds its documents and keeps its state.
 *
 * @param knowledgeDir folder of organisation documents; a file's name without extension is its documentId
 * @param dataDir      index, document history, conversations and question logs
 */
@ConfigurationProperties("fraga")
public record FragaProperties(
        @DefaultValue("knowledge") Path knowledgeDir,
        @DefaultValue("data") Path dataDir) {
}
