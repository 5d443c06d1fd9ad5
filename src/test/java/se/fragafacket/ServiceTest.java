package se.fragafacket;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole service on a random port over the real {@code knowledge/} folder with the default extractive
 * answerer, its index under {@code target/}. Every class so marked shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"fraga.data-dir=target/test-data/service", "fraga.llm.provider=extractive"})
public @interface ServiceTest {
}
