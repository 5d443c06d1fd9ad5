package se.fragafacket.chat;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import se.fragafacket.answer.AnswerService;

/** {@code POST /api/chat}: one question, one answer with its sources. */
@RestController
class ChatController {

    private final AnswerService answers;

    ChatController(AnswerService answers) {
        this.answers = answers;
    }

    @PostMapping("/api/chat")
    ChatResponse chat(@RequestBody ChatRequest request) {
        return ChatResponse.of(answers.ask(request.message(), request.conversationId(), "api", token -> {
        }));
    }
}
