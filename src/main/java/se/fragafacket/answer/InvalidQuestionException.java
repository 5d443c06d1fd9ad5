package se.fragafacket.answer;

/** A message that cannot be asked (empty, too long, a malformed conversation id); the message says why. */
public class InvalidQuestionException extends RuntimeException {
    public InvalidQuestionException(String message) {
        super(message);
    }
}
