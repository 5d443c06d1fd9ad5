package se.fragafacket.telegram;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** The bot's beans exist only when {@code fraga.telegram.token} is set to something (an empty value counts as unset). */
class TelegramTokenCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return StringUtils.hasText(context.getEnvironment().getProperty("fraga.telegram.token"));
    }
}
