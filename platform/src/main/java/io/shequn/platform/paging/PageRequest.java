package io.shequn.platform.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * {@code ?page=0&size=20}, zero-based, at most {@value #MAX_SIZE} items a page and at most page
 * {@value #MAX_PAGE}, so the offset never overflows. Use with {@code @BeanParam @Valid}.
 */
public class PageRequest {

    public static final int MAX_SIZE = 100;
    /** The last page whose offset ({@code page × size}) still fits the int that SQL OFFSET takes here. */
    public static final int MAX_PAGE = Integer.MAX_VALUE / MAX_SIZE;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(MAX_PAGE)
    int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(1)
    @Max(MAX_SIZE)
    int size;

    public PageRequest() {
    }

    public PageRequest(int page, int size) {
        this.page = page;
        this.size = size;
    }

    public int page() {
        return page;
    }

    public int size() {
        return size;
    }

    public int offset() {
        return page * size;
    }
}
