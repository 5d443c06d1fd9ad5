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
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.fragafacket.search.Analysis;
import se.fragafacket.search.Language;
import se.fragafacket.search.Passage;
import se.fragafacket.search.Retrieval;

/**
 * Answers with a language model (any OpenAI-compatible server, or Ollama): the prompts, the retrieved passages
 * numbered and fenced as data, the conversation so far, and the question.
 *
 * <ul>
 *   <li>The model is asked whenever the passages retrieved are about the question at all
 *       ({@link PassageRelevance}); otherwise the member is referred at once.</li>
 *   <li>Its answer is streamed a sentence at a time, each sentence only once every name, number, date, phone
 *       number and address in it stands in a passage ({@link Grounding}). A sentence that states something no
 *       passage holds is never streamed: the whole answer is then replaced by the extractive one (which may
 *       decline), sent as the final answer.</li>
 *   <li>The sources are the passages it cites as [n]; where it cites none it may cite (none, or only
 *       numbers out of range), the passage the answer shares most with.</li>
 *   <li>When the model answers {@value #NO_ANSWER} the member gets the referral; when it fails or times out
 *       the extractive answerer answers, and after {@code fraga.llm.breaker-failures} such failures in a row a
 *       circuit breaker stops asking it for {@code fraga.llm.breaker-open-for}, so no question waits out the
 *       timeout while the server is down.</li>
 * </ul>
 */
final class ChatModelAnswerer implements Answerer {

    static final String NO_ANSWER = "INGET_SVAR";
    private static final Logger log = LoggerFactory.getLogger(ChatModelAnswerer.class);
    /** A citation as the model writes it: "[2]", "[1, 3]", "[1][3]". */
    private static final Pattern CITATION = Pattern.compile("\\s?\\[(\\d{1,3}(?:\\s*,\\s*\\d{1,3})*)]");
    /** The end of a sentence (with the citations after it) or of a line, as the answer streams. */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…](?:\\s*\\[\\d{1,3}(?:\\s*,\\s*\\d{1,3})*])*\\s+|\\n");

    private final StreamingChatModel model;
    private final Prompts prompts;
    private final LlmProperties llm;
    private final AnswerProperties properties;
    private final ExtractiveAnswerer fallback;
    private final Analysis analysis;
    private final CircuitBreaker breaker;

    ChatModelAnswerer(StreamingChatModel model, Prompts prompts, LlmProperties llm, AnswerProperties properties,
                      ExtractiveAnswerer fallback, Analysis analysis, CircuitBreaker breaker) {
        this.model = model;
        this.prompts = prompts;
        this.llm = llm;
        this.properties = properties;
        this.fallback = fallback;
        this.analysis = analysis;
        this.breaker = breaker;
    }

    /**
     * The passages a model is given: first those whose best sentence the fitted scorer ranks highest (it reads
     * the question far more closely than the search did), then the others in the search's order.
     */
    private List<Passage> forModel(String question, Language language, Retrieval retrieval,
                                   List<Conversations.Turn> history) {
        java.util.LinkedHashSet<Passage> order = new java.util.LinkedHashSet<>();
        for (var scored : fallback.explain(question, language, retrieval, history).ranked()) {
            order.add(scored.candidate().passage());
        }
        order.addAll(retrieval.passages());
        return order.stream().limit(properties.modelPassages()).toList();
    }

    @Override
    public Answer answer(String question, Language language, Retrieval retrieval, List<Conversations.Turn> history,
                         Consumer<String> tokens) {
        List<Passage> passages = forModel(question, language, retrieval, history);
        // passages that hold next to nothing of the question ("Vad kostar en pizza?") are not worth a model's
        // guess: the member is referred at once
        double relevance = PassageRelevance.of(analysis, retrieval, passages);
        log.debug("The passages to send hold {} of the question", relevance);
        if (passages.isEmpty() || relevance < properties.minModelCoverage()) {
            return refusal(language, tokens);
        }
        if (!breaker.tryAcquirePermission()) {
            log.debug("The model server failed repeatedly; answering by extraction until it is tried again");
            return fallback.answer(question, language, retrieval, history, tokens);
        }
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(prompts.system()));
        List<String> trusted = new ArrayList<>(List.of(question, prompts.system(), prompts.noAnswer(language)));
        for (Conversations.Turn turn : history) {
            messages.add(UserMessage.from(turn.question()));
            messages.add(AiMessage.from(turn.answer()));
            trusted.add(turn.question());
            trusted.add(turn.answer());
        }
        messages.add(UserMessage.from(prompts.question(passages, question, language)));
        var grounding = new Grounding(analysis, passages, trusted);

        var stream = new VerifiedStream(tokens, grounding);
        CompletableFuture<String> done = new CompletableFuture<>();
        long start = System.nanoTime();
        try {
            model.chat(messages, new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(String token) {
                    stream.accept(token);
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    done.complete(response.aiMessage().text() == null ? stream.text() : response.aiMessage().text());
                }

                @Override
                public void onError(Throwable error) {
                    done.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
        String text;
        try {
            text = done.get(llm.timeout().toMillis(), TimeUnit.MILLISECONDS).strip();
        } catch (InterruptedException e) {
            stream.close();
            breaker.releasePermission();
            Thread.currentThread().interrupt();
            return fallback.answer(question, language, retrieval, history, stream.streamed() ? t -> {
            } : tokens);
        } catch (ExecutionException | TimeoutException e) {
            stream.close(); // the abandoned stream may go on: none of it reaches the member any more
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e instanceof ExecutionException ? e.getCause() : e);
            log.warn("The model server did not answer ({}); answering by extraction instead (circuit {})",
                    e instanceof ExecutionException ? e.getCause().toString() : "timed out", breaker.getState());
            return fallback.answer(question, language, retrieval, history, stream.streamed() ? t -> {
            } : tokens);
        }
        breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        if (text.isEmpty() || text.startsWith(NO_ANSWER)) {
            stream.close();
            return stream.streamed() ? new Answer.NotFound(prompts.noAnswer(language), Answer.Reason.NOT_IN_KNOWLEDGE_BASE)
                    : refusal(language, tokens);
        }
        String answer = CITATION.matcher(text).replaceAll("").strip();
        List<String> unsupported = grounding.unsupported(answer);
        if (!unsupported.isEmpty() || stream.stopped()) {
            stream.close();
            log.info("The model's answer states what no passage holds ({}); answering by extraction instead",
                    String.join(", ", unsupported));
            return fallback.answer(question, language, retrieval, history, stream.streamed() ? t -> {
            } : tokens);
        }
        Map<String, Source> sources = new LinkedHashMap<>();
        Matcher cited = CITATION.matcher(text);
        while (cited.find()) {
            for (String number : cited.group(1).split("\\s*,\\s*")) {
                int n = Integer.parseInt(number.strip());
                if (n >= 1 && n <= passages.size()) {
                    sources.putIfAbsent(passages.get(n - 1).documentId(), Sources.of(passages.get(n - 1)));
                }
            }
        }
        if (sources.isEmpty()) {
            int best = grounding.bestPassage(answer);
            if (best < 0) {
                stream.close();
                log.info("The model's answer shares nothing with the passages; answering by extraction instead");
                return fallback.answer(question, language, retrieval, history, stream.streamed() ? t -> {
                } : tokens);
            }
            sources.put(passages.get(best).documentId(), Sources.of(passages.get(best)));
        }
        stream.finish();
        return new Answer.Found(answer, List.copyOf(sources.values()));
    }

    private Answer refusal(Language language, Consumer<String> tokens) {
        String refusal = prompts.noAnswer(language);
        tokens.accept(refusal);
        return new Answer.NotFound(refusal, Answer.Reason.NOT_IN_KNOWLEDGE_BASE);
    }

    /**
     * Passes the model's answer on a sentence at a time, each only once it is whole and all it states stands in
     * the passages; the first sentence that does not stops the stream for good. {@value #NO_ANSWER} is never
     * streamed, and citations are left out of what members see.
     */
    private static final class VerifiedStream {
        private final Consumer<String> tokens;
        private final Grounding grounding;
        private final StringBuilder all = new StringBuilder();
        private final StringBuilder held = new StringBuilder();
        private boolean streamed;
        private boolean afterSpace;
        private boolean stopped;
        private boolean closed;

        VerifiedStream(Consumer<String> tokens, Grounding grounding) {
            this.tokens = tokens;
            this.grounding = grounding;
        }

        synchronized void accept(String token) {
            all.append(token);
            if (closed || stopped) {
                return;
            }
            held.append(token);
            Matcher end = SENTENCE_END.matcher(held);
            int cut = -1;
            while (end.find()) {
                cut = end.end();
            }
            if (cut > 0) {
                release(held.substring(0, cut));
                held.delete(0, cut);
            }
        }

        /** The rest, once the whole answer has been checked. */
        synchronized void finish() {
            if (!closed && !stopped && !held.isEmpty()) {
                release(held.toString());
                held.setLength(0);
            }
            closed = true;
        }

        synchronized void close() {
            closed = true;
        }

        synchronized String text() {
            return all.toString();
        }

        synchronized boolean streamed() {
            return streamed;
        }

        synchronized boolean stopped() {
            return stopped;
        }

        private void release(String sentences) {
            String shown = CITATION.matcher(sentences).replaceAll("");
            if (shown.strip().startsWith(NO_ANSWER) || !grounding.unsupported(shown).isEmpty()) {
                stopped = true;
                return;
            }
            if (!streamed || afterSpace) {
                shown = shown.stripLeading();
            }
            if (!shown.isEmpty()) {
                streamed = true;
                afterSpace = Character.isWhitespace(shown.charAt(shown.length() - 1));
                tokens.accept(shown);
            }
        }
    }
}
