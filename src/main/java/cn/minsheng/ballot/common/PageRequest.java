package cn.minsheng.ballot.common;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** The {@code page} and {@code size} query parameters of every list. */
public class PageRequest {

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    int page;

    @QueryParam("size")
    @DefaultValue("50")
    @Min(1)
    @Max(Page.MAX_SIZE)
    int size;

    public int page() {
        return page;
    }

    public int size() {
        return size;
    }
}
