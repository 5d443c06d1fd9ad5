package se.fragafacket.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads question sets in the contract's JSONL format. */
public final class QuestionSet {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private QuestionSet() {
    }

    public static List<EvalCase> read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Parses JSONL text; a line that is not a valid case is an error naming its line number. */
    public static List<EvalCase> parse(String jsonl) {
        List<EvalCase> cases = new ArrayList<>();
        String[] lines = jsonl.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                cases.add(toCase(JSON.readTree(line), i + 1));
            } catch (JacksonException e) {
                throw new IllegalArgumentException("Line " + (i + 1) + " is not valid JSON: " + e.getOriginalMessage());
            }
        }
        return cases;
    }

    private static EvalCase toCase(JsonNode node, int line) {
        List<String> turns = node.has("turns") ? strings(node.get("turns")) : strings(node.get("question"));
        if (turns.isEmpty()) {
            throw new IllegalArgumentException("Line " + line + " has neither \"question\" nor \"turns\"");
        }
        String id = node.has("id") ? node.get("id").asString() : "line" + line;
        return new EvalCase(id, node.path("lang").asString(""), turns, node.path("answerable").asBoolean(true),
                strings(node.get("source")), strings(node.get("expect_any")), strings(node.get("expect_all")),
                node.path("style").asString(""));
    }

    private static List<String> strings(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isArray()) {
            List<String> out = new ArrayList<>();
            node.forEach(n -> out.add(n.asString()));
            return out;
        }
        return List.of(node.asString());
    }
}
