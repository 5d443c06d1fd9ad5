package se.fragafacket.answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.fragafacket.search.Language;
import se.fragafacket.search.Passage;
import se.fragafacket.search.Retrieval;

/**
 * Answers with a language model (any OpenAI-compatible server, or Ollama): the prompts from
 * {@code prompts/}, the retrieved passages numbered, the conversation so far, and the question; the model's
 * tokens are passed on as they arrive. The model cites passages as [n]; the cited ones are the sources. When
 * the model answers {@value #NO_ANSWER} the member gets the referral; when the model cannot be reached the
 * extractive answerer answers instead, so members are never left without a reply.
 */
final class ChatModelAnswerer implements Answerer {

    static final String NO_ANSWER = "INGET_SVAR";
    private static final Logger log = LoggerFactory.getLogger(ChatModelAnswerer.class);
    private static final Pattern CITATION = Pattern.compile("\\s?\\[(\\d{1,2})]");

    private final StreamingChatModel model;
    private final Prompts prompts;
    private final LlmProperties llm;
    private final AnswerProperties properties;
    private final ExtractiveAnswerer fallback;

    ChatModelAnswerer(StreamingChatModel model, Prompts prompts, LlmProperties llm, AnswerProperties properties,
                      ExtractiveAnswerer fallback) {
        this.model = model;
        this.prompts = prompts;
        this.llm = llm;
        this.properties = properties;
        this.fallback = fallback;
    }

    @Override
    public Answer answer(String question, Language language, Retrieval retrieval, List<Conversations.Turn> history,
                         Consumer<String> tokens) {
        List<Passage> passages = retrieval.passages().stream().limit(properties.modelPassages()).toList();
        // passages that hold next to nothing of the question ("Vad kostar en pizza?") are not worth a model's
        // guess: the member is referred at once
        if (passages.isEmpty() || fallback.relevance(question, retrieval, history) < properties.minModelCoverage()) {
            String refusal = prompts.noAnswer(language);
            tokens.accept(refusal);
            return new Answer.NotFound(refusal, Answer.Reason.NOT_IN_KNOWLEDGE_BASE);
        }
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(prompts.system()));
        for (Conversations.Turn turn : history) {
            messages.add(UserMessage.from(turn.question()));
            messages.add(AiMessage.from(turn.answer()));
        }
        messages.add(UserMessage.from(prompts.question(numbered(passages), question, language)));

        var gate = new RefusalGate(tokens);
        CompletableFuture<String> done = new CompletableFuture<>();
        model.chat(messages, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String token) {
                gate.accept(token);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response.aiMessage().text() == null ? gate.text() : response.aiMessage().text());
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        String text;
        try {
            text = done.get(llm.timeout().toMillis(), TimeUnit.MILLISECONDS).strip();
        } catch (InterruptedException e) {
            gate.close();
            Thread.currentThread().interrupt();
            return fallback.answer(question, language, retrieval, history, tokens);
        } catch (ExecutionException | TimeoutException e) {
            gate.close(); // the abandoned stream may go on: none of it reaches the member any more
            log.warn("The model server did not answer ({}); answering by extraction instead",
                    e instanceof ExecutionException ? e.getCause().toString() : "timed out");
            return gate.streamed() ? fallback.answer(question, language, retrieval, history, t -> {
            }) : fallback.answer(question, language, retrieval, history, tokens);
        }
        if (text.isEmpty() || text.startsWith(NO_ANSWER)) {
            String refusal = prompts.noAnswer(language);
            tokens.accept(refusal);
            return new Answer.NotFound(refusal, Answer.Reason.NOT_IN_KNOWLEDGE_BASE);
        }
        gate.flush();
        Map<String, Source> sources = new LinkedHashMap<>();
        Matcher cited = CITATION.matcher(text);
        while (cited.find()) {
            int n = Integer.parseInt(cited.group(1));
            if (n >= 1 && n <= passages.size()) {
                sources.putIfAbsent(passages.get(n - 1).documentId(), Sources.of(passages.get(n - 1)));
            }
        }
        if (sources.isEmpty()) {
            sources.put(passages.get(0).documentId(), Sources.of(passages.get(0)));
        }
        return new Answer.Found(CITATION.matcher(text).replaceAll("").strip(), List.copyOf(sources.values()));
    }

    private static String numbered(List<Passage> passages) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < passages.size(); i++) {
            Passage passage = passages.get(i);
            out.append('[').append(i + 1).append("] ").append(passage.headingPath()).append('\n')
                    .append(passage.text()).append("\n\n");
        }
        return out.toString().strip();
    }

    /**
     * Holds back the first tokens until they cannot be the start of {@value #NO_ANSWER}, so a refusal is
     * never streamed to the member as if it were an answer.
     */
    private static final class RefusalGate {
        private final Consumer<String> tokens;
        private final StringBuilder held = new StringBuilder();
        private boolean open;
        private boolean streamed;
        private boolean closed;

        RefusalGate(Consumer<String> tokens) {
            this.tokens = tokens;
        }

        synchronized void accept(String token) {
            if (closed) {
                return;
            }
            if (open) {
                send(token);
                return;
            }
            held.append(token);
            String start = held.toString().stripLeading();
            if (start.length() >= NO_ANSWER.length() || !NO_ANSWER.startsWith(start)) {
                if (!start.startsWith(NO_ANSWER)) {
                    open = true;
                    send(held.toString());
                }
            }
        }

        synchronized void flush() {
            if (!open && !held.isEmpty() && !held.toString().strip().startsWith(NO_ANSWER)) {
                open = true;
                send(held.toString());
            }
        }

        synchronized void close() {
            closed = true;
        }

        synchronized String text() {
            return held.toString();
        }

        synchronized boolean streamed() {
            return streamed;
        }

        private void send(String token) {
            if (!token.isEmpty()) {
                streamed = true;
                tokens.accept(token);
            }
        }
    }
}
