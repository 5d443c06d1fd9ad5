package se.fragafacket.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The staff account that may curate the knowledge base; curation is refused while either is unset.
 *
 * @param username staff login name
 * @param password its password, plain or as a {@code {bcrypt}…} hash (any id a DelegatingPasswordEncoder knows)
 */
@ConfigurationProperties("fraga.admin")
public record AdminProperties(String username, String password) {

    public boolean configured() {
        return username != null && !username.isBlank() && password != null && !password.isBlank();
    }

    @Override
    public String toString() {
        return "AdminProperties[username=" + username + ", password=" + (password == null ? "null" : "****") + "]";
    }
}
