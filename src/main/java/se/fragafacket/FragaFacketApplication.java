package se.fragafacket;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Fråga facket: answers trade union members' questions from their organisation's own documents. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FragaFacketApplication {

    public static void main(String[] args) {
        var application = new SpringApplication(FragaFacketApplication.class);
        boolean evaluating = Arrays.stream(args).anyMatch(a -> a.startsWith("--eval="));
        if (evaluating) {
            // a one-off run over a question set: no server, exit when done
            application.setWebApplicationType(WebApplicationType.NONE);
            System.exit(SpringApplication.exit(application.run(args)));
        }
        application.run(args);
    }
}
