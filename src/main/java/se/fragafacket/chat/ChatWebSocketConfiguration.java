package se.fragafacket.chat;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * Opens {@code /ws/chat} to the service's own pages and to the origins in {@code fraga.chat.allowed-origins};
 * a browser page from anywhere else is refused at the handshake (403). Clients that send no Origin
 * header (not browsers) are let in.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class ChatWebSocketConfiguration implements WebSocketConfigurer {

    private final ChatSocketHandler handler;
    private final ChatProperties properties;

    ChatWebSocketConfiguration(ChatSocketHandler handler, ChatProperties properties) {
        this.handler = handler;
        this.properties = properties;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        var registration = registry.addHandler(handler, "/ws/chat").addInterceptors(new OriginSyntax());
        if (!properties.allowedOrigins().isEmpty()) {
            registration.setAllowedOriginPatterns(properties.originPatterns().toArray(String[]::new));
        }
    }
}
