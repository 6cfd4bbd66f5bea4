package cn.jiuji.base;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * The one refusal of the application: what a user asked for breaks a rule (SPEC §3.1), names
 * something that is not there, is not theirs to do, or clashes with what has just happened. It
 * carries the Chinese message the user reads and a {@link Kind}; each REST stack turns the kind
 * into its HTTP status in one place (our {@code /api}: {@code system/RuleBreakHandler}, Camunda's
 * REST API: {@code system/EngineRestConfiguration}), so domain code knows nothing of HTTP.
 *
 * <p>It is a form validation failure to Camunda: the transaction rolls back, the task stays open,
 * and Tasklist shows the message. A refusal is the user's mistake, not a fault: it is logged in one
 * line, without a stack trace ({@code system/RuleBreakHandling}).
 */
public class RuleBreak extends FormFieldValidationException {

  /** What kind of refusal it is; the REST stacks answer each with its own status. */
  public enum Kind {
    /** The request or the data breaks a rule (400). */
    BAD_REQUEST,
    /** What the request names does not exist, or the user may not see it (404). */
    NOT_FOUND,
    /** The user may not do this (403). */
    FORBIDDEN,
    /** It clashes with what has happened meanwhile (409). */
    CONFLICT,
    /** Understood, but the content cannot be used as it is (422). */
    UNPROCESSABLE,
    /** More than any honest request sends (413). */
    TOO_LARGE
  }

  private final Kind kind;

  /** A rule break of the data or the form: {@link Kind#BAD_REQUEST}. */
  public RuleBreak(String message) {
    this(Kind.BAD_REQUEST, message);
  }

  public RuleBreak(Kind kind, String message) {
    super(null, message);
    this.kind = kind;
  }

  public static RuleBreak badRequest(String message) {
    return new RuleBreak(Kind.BAD_REQUEST, message);
  }

  public static RuleBreak notFound(String message) {
    return new RuleBreak(Kind.NOT_FOUND, message);
  }

  public static RuleBreak forbidden(String message) {
    return new RuleBreak(Kind.FORBIDDEN, message);
  }

  public static RuleBreak conflict(String message) {
    return new RuleBreak(Kind.CONFLICT, message);
  }

  public static RuleBreak unprocessable(String message) {
    return new RuleBreak(Kind.UNPROCESSABLE, message);
  }

  public static RuleBreak tooLarge(String message) {
    return new RuleBreak(Kind.TOO_LARGE, message);
  }

  public Kind kind() {
    return kind;
  }

  /** The refusal in {@code failure} or among its causes (the engine wraps what listeners throw). */
  public static java.util.Optional<RuleBreak> in(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof RuleBreak ruleBreak) {
        return java.util.Optional.of(ruleBreak);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return java.util.Optional.empty();
  }
}
