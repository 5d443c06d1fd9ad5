package se.fragafacket.answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import se.fragafacket.search.Language;

/** One answer to a message that asked several things: each part's answer, and plainly which part has none. */
final class MultiPartAnswers {

    private MultiPartAnswers() {
    }

    static Answer combine(List<String> parts, List<Answer> answers, Language language, String noAnswer) {
        Set<String> texts = new LinkedHashSet<>();
        Map<String, Source> sources = new LinkedHashMap<>();
        List<String> unanswered = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Answer answer = answers.get(i);
            if (answer.answered()) {
                texts.add(answer.text().strip());
                answer.sources().forEach(s -> sources.putIfAbsent(s.documentId() + "\n" + s.snippet(), s));
            } else {
                unanswered.add(parts.get(i));
            }
        }
        if (texts.isEmpty()) {
            return new Answer.NotFound(noAnswer, Answer.Reason.NOT_IN_KNOWLEDGE_BASE);
        }
        StringBuilder text = new StringBuilder(String.join("\n\n", texts));
        for (String part : unanswered) {
            text.append("\n\n").append(switch (language) {
                case SV -> "Om ”" + part + "” står det inget i dokumenten. ";
                case NO -> "Om «" + part + "» står det ingenting i dokumentene. ";
                case EN -> "The documents say nothing about \"" + part + "\". ";
            }).append(noAnswer);
        }
        return new Answer.Found(text.toString(), List.copyOf(sources.values()));
    }
}
