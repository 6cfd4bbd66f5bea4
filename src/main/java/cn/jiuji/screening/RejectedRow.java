package cn.jiuji.screening;

/**
 * A bad row of an imported file.
 *
 * @param row the row number as the user sees it in Excel: the header is row 1
 * @param reason why, in Chinese
 */
public record RejectedRow(long row, String reason) {}
