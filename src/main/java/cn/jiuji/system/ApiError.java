package cn.jiuji.system;

/** The body of every error our {@code /api} returns: a Chinese message for the user. */
public record ApiError(int status, String message) {}
