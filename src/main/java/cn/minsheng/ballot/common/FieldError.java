package cn.minsheng.ballot.common;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One invalid field, or for file imports one cell: {@code row} is the spreadsheet row (header = 1). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String field, String message, Integer row, String code) {

    public static FieldError of(String field, String message) {
        return new FieldError(field, message, null, null);
    }
}
