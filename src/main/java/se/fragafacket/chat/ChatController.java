package se.fragafacket.chat;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import se.fragafacket.answer.AnswerService;
import se.fragafacket.limits.BucketStore;
import se.fragafacket.limits.LimitProbe;
import se.fragafacket.limits.LimitsProperties;
import se.fragafacket.limits.RateLimit;
import se.fragafacket.limits.RateLimitedException;

/**
 * {@code POST /api/chat}: one question, one answer with its sources. At most {@code fraga.limits.http-chat-requests}
 * per {@code http-chat-window} from one client address; beyond, 429 with {@code Retry-After}.
 */
@RestController
class ChatController {

    private final AnswerService answers;
    private final RateLimit rate;

    ChatController(AnswerService answers, LimitsProperties limits, BucketStore buckets) {
        this.answers = answers;
        this.rate = new RateLimit("http-chat", limits.httpChatRequests(), limits.httpChatWindow(), buckets);
    }

    @PostMapping("/api/chat")
    ChatResponse chat(@RequestBody ChatRequest request, HttpServletRequest http) {
        LimitProbe probe = rate.tryAcquire(http.getRemoteAddr());
        if (!probe.allowed()) {
            throw new RateLimitedException("Du har ställt för många frågor på kort tid. Vänta " + probe.retryAfterSeconds()
                    + " sekunder och försök igen. (Too many questions: at most " + rate.count() + " per "
                    + rate.window().toSeconds() + " s from one address.)", probe);
        }
        return ChatResponse.of(answers.ask(request.message(), request.conversationId(), "api", token -> {
        }));
    }
}
