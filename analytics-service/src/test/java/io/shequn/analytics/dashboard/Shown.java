package io.shequn.analytics.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the dashboard shows a value in en-US and zh-CN, to compare what is on the page with what the API said. */
final class Shown {

    private static final DateTimeFormatter EN_DAY = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);
    private static final DateTimeFormatter ZH_DAY = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA);

    private Shown() {
    }

    /** Only the digits of a shown number or amount: "CN¥1,234.50" is 123450 (minor units), "1,024" is 1024. */
    static long digits(String text) {
        String digits = text.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? -1 : Long.parseLong(digits);
    }

    /** A count with grouping, as Intl.NumberFormat('en-US') shows it. */
    static String count(long value) {
        return String.format(Locale.US, "%,d", value);
    }

    /** A share as a percentage with at most one decimal (Intl rounds half away from zero). */
    static String percent(double share) {
        DecimalFormat format = new DecimalFormat("#,##0.#%", DecimalFormatSymbols.getInstance(Locale.US));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(new BigDecimal(Double.toString(share)));
    }

    static String day(String isoDay) {
        return LocalDate.parse(isoDay).format(EN_DAY);
    }

    static String dayZh(String isoDay) {
        return LocalDate.parse(isoDay).format(ZH_DAY);
    }
}
