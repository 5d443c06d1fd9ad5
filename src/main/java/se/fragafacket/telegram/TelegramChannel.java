package se.fragafacket.telegram;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ActionType;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import se.fragafacket.answer.AnswerProperties;
import se.fragafacket.answer.AnswerService;
import se.fragafacket.answer.InvalidQuestionException;
import se.fragafacket.answer.Reply;
import se.fragafacket.search.DocumentRecord;
import se.fragafacket.limits.BucketStore;
import se.fragafacket.limits.RateLimit;
import se.fragafacket.config.PublicSiteProperties;
import se.fragafacket.search.KnowledgeIndex;

/**
 * The Telegram bot's side of a conversation: each chat is one conversation with {@link AnswerService}, so
 * follow-up questions are understood; {@code /start}, {@code /help} and {@code /ny} do what they say; other
 * kinds of messages get a polite note that only written questions are understood; in groups it speaks only
 * when mentioned or replied to. Whatever goes wrong with one update is logged and the bot goes on.
 */
public class TelegramChannel {

    /** The channel name answers and conversations are kept under. */
    static final String CHANNEL = "telegram";

    private static final Logger log = LoggerFactory.getLogger(TelegramChannel.class);
    /** A command, the bot it is addressed to (in groups), and what follows. */
    private static final Pattern COMMAND = Pattern.compile("^/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?:\\s+(.*))?$",
            Pattern.DOTALL);

    private final AnswerService answers;
    private final BotApi api;
    private final TelegramProperties properties;
    private final AnswerProperties answerProperties;
    private final KnowledgeIndex index;
    private final PublicSiteProperties publicSite;
    private final ChatRateLimiter rateLimiter;
    private final ScheduledExecutorService scheduler;
    private final AtomicReference<User> me = new AtomicReference<>();

    TelegramChannel(AnswerService answers, BotApi api, TelegramProperties properties,
                    AnswerProperties answerProperties, KnowledgeIndex index, BucketStore buckets,
                    PublicSiteProperties publicSite, ScheduledExecutorService scheduler) {
        this.answers = answers;
        this.api = api;
        this.properties = properties;
        this.answerProperties = answerProperties;
        this.index = index;
        this.publicSite = publicSite;
        this.scheduler = scheduler;
        this.rateLimiter = new ChatRateLimiter(new RateLimit("telegram", properties.rateLimit(),
                properties.rateLimitWindow(), buckets));
    }

    /** The conversation a chat's messages belong to. */
    static String conversationId(long chatId) {
        return "telegram-" + chatId;
    }

    /** Answers one update, if it asks for an answer. Never throws. */
    void handle(Update update) {
        if (!update.hasMessage()) {
            // edited messages, channel posts, button presses: nothing a member asked
            return;
        }
        Message message = update.getMessage();
        if (message.getChat() == null) {
            log.warn("Telegram update {} has a message without a chat; ignored", update.getUpdateId());
            return;
        }
        try {
            handle(message);
        } catch (RuntimeException e) {
            log.error("Telegram update {} in chat {} failed: {}", update.getUpdateId(), message.getChatId(),
                    api.describe(e), e);
        }
    }

    private void handle(Message message) {
        if (message.getFrom() != null && Boolean.TRUE.equals(message.getFrom().getIsBot())) {
            return;
        }
        long chatId = message.getChatId();
        boolean group = message.isGroupMessage() || message.isSuperGroupMessage();
        String text = message.hasText() ? message.getText().strip() : null;
        if (group && !addressed(message, text != null ? text : message.getCaption())) {
            return;
        }
        if (text == null && !isContent(message)) {
            // joins, leaves, pins and the like
            return;
        }
        Integer replyTo = group ? message.getMessageId() : null;
        switch (rateLimiter.check(chatId)) {
            case DROP -> {
                log.debug("Chat {} over the rate limit; message not answered", chatId);
                return;
            }
            case WARN -> {
                log.info("Chat {} over the rate limit of {} questions per {}", chatId, properties.rateLimit(),
                        properties.rateLimitWindow());
                sendText(chatId, BotTexts.slowDown(), replyTo);
                return;
            }
            case ALLOW -> {
            }
        }
        if (text == null) {
            sendText(chatId, BotTexts.onlyText(), replyTo);
            return;
        }
        Matcher command = COMMAND.matcher(text);
        if (command.matches()) {
            command(chatId, command.group(1).toLowerCase(Locale.ROOT), command.group(2), replyTo);
            return;
        }
        String question = group ? withoutMention(text) : text;
        if (question.isBlank()) {
            sendText(chatId, BotTexts.emptyQuestion(), replyTo);
            return;
        }
        answer(chatId, question, replyTo);
    }

    private void command(long chatId, String name, String addressee, Integer replyTo) {
        String username = username();
        if (addressee != null && username != null && !addressee.equalsIgnoreCase(username)) {
            return; // meant for another bot in the group
        }
        String helpLine = answerProperties.helpLine();
        switch (name) {
            case "start" -> {
                List<String> titles = index.documents().stream().map(d -> d.displayTitle()).toList();
                sendText(chatId, BotTexts.greeting(BotTexts.EXAMPLES, titles.size(), titles, helpLine), replyTo);
            }
            case "help", "hjalp", "hjälp" -> sendText(chatId, BotTexts.help(username, helpLine), replyTo);
            case "ny" -> {
                answers.forget(CHANNEL, conversationId(chatId));
                sendText(chatId, BotTexts.newConversation(), replyTo);
            }
            default -> sendText(chatId, BotTexts.unknownCommand(username, helpLine), replyTo);
        }
    }

    private void answer(long chatId, String question, Integer replyTo) {
        api.once(typing(chatId), chatId);
        long every = properties.typingInterval().toMillis();
        ScheduledFuture<?> typing = scheduler.scheduleAtFixedRate(() -> api.once(typing(chatId), chatId),
                every, every, TimeUnit.MILLISECONDS);
        LiveMessage live = properties.streamEdits()
                ? new LiveMessage(api, chatId, properties.maxMessageChars(), properties.editInterval())
                : null;
        Consumer<String> tokens = live != null ? live : token -> {
        };
        List<String> messages;
        try {
            Reply reply = answers.ask(question, conversationId(chatId), CHANNEL, tokens);
            messages = Replies.of(reply.answer(), properties.maxMessageChars(), answers.languageOf(question),
                    publicSite::documentPage);
            log.debug("Chat {}: answered={} in {} message(s)", chatId, reply.answer().answered(), messages.size());
        } catch (InvalidQuestionException e) {
            messages = List.of(Html.escape(e.getMessage()));
        } catch (RuntimeException e) {
            log.error("Answering a question in chat {} failed", chatId, e);
            messages = List.of(Html.escape(BotTexts.failed(answerProperties.helpLine())));
        } finally {
            typing.cancel(false);
        }
        if (live != null && live.messageId() != null) {
            // the streamed message becomes the first of the reply
            live.finish(messages.get(0));
            messages = messages.subList(1, messages.size());
            replyTo = null;
        }
        sendHtml(chatId, messages, replyTo);
    }

    private void sendText(long chatId, String text, Integer replyTo) {
        sendHtml(chatId, MessageSplitter.split(text, properties.maxMessageChars()).stream().map(Html::escape).toList(),
                replyTo);
    }

    private void sendHtml(long chatId, List<String> messages, Integer replyTo) {
        api.sendMessages(chatId, messages, replyTo);
    }

    private static SendChatAction typing(long chatId) {
        return SendChatAction.builder().chatId(chatId).action(ActionType.TYPING.toString()).build();
    }

    /** Whether a group message is meant for the bot: it names the bot or replies to one of its messages. */
    private boolean addressed(Message message, String text) {
        User bot = bot();
        if (bot == null) {
            log.warn("Group message in chat {} not answered: the bot's own name is not known yet (getMe failed)",
                    message.getChatId());
            return false;
        }
        Message replied = message.getReplyToMessage();
        if (replied != null && replied.getFrom() != null && bot.getId().equals(replied.getFrom().getId())) {
            return true;
        }
        if (text == null) {
            return false;
        }
        Matcher command = COMMAND.matcher(text);
        if (command.matches()) {
            return command.group(2) == null || command.group(2).equalsIgnoreCase(bot.getUserName());
        }
        return bot.getUserName() != null && mention(bot.getUserName()).matcher(text).find();
    }

    private String withoutMention(String text) {
        String username = username();
        if (username == null) {
            return text;
        }
        return mention(username).matcher(text).replaceAll(" ")
                .replaceAll("^[\\s,:;.!-]+", "").replaceAll("\\s{2,}", " ").strip();
    }

    private static Pattern mention(String username) {
        return Pattern.compile("(?<![\\w@])@" + Pattern.quote(username) + "(?!\\w)", Pattern.CASE_INSENSITIVE);
    }

    /** Kinds of messages a member sends (rather than service messages such as joins and pins). */
    private static boolean isContent(Message message) {
        return message.hasPhoto() || message.hasSticker() || message.hasVoice() || message.hasDocument()
                || message.hasVideo() || message.hasAudio() || message.hasVideoNote() || message.hasAnimation()
                || message.hasLocation() || message.hasContact() || message.hasPoll() || message.hasDice()
                || message.hasPaidMedia() || message.getVenue() != null || message.hasStory();
    }

    private String username() {
        User bot = bot();
        return bot == null ? null : bot.getUserName();
    }

    /** The bot's own user, asked once with getMe and then remembered. */
    private User bot() {
        User bot = me.get();
        if (bot == null) {
            bot = api.call(new GetMe(), 0).orElse(null);
            if (bot != null) {
                me.compareAndSet(null, bot);
            }
        }
        return bot;
    }
}
