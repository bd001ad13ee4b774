package io.shequn.platform.requests;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.util.UUID;
import java.util.function.Function;

/**
 * Converts path, query and header parameters of the types every service uses, naming the
 * parameter when a value does not convert. Dates have four-digit years: {@code -999999999-01-01}
 * parses as a {@link LocalDate} but breaks every computation and the database after it.
 */
@Provider
public class StrictParameters implements ParamConverterProvider {

    static final DateTimeFormatter DAY = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4, 4, SignStyle.NOT_NEGATIVE).appendLiteral('-')
            .appendValue(ChronoField.MONTH_OF_YEAR, 2).appendLiteral('-')
            .appendValue(ChronoField.DAY_OF_MONTH, 2)
            .toFormatter().withResolverStyle(ResolverStyle.STRICT).withChronology(java.time.chrono.IsoChronology.INSTANCE);
    static final DateTimeFormatter MONTH = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4, 4, SignStyle.NOT_NEGATIVE).appendLiteral('-')
            .appendValue(ChronoField.MONTH_OF_YEAR, 2)
            .toFormatter().withResolverStyle(ResolverStyle.STRICT).withChronology(java.time.chrono.IsoChronology.INSTANCE);

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = null;
        boolean inPath = false;
        for (Annotation annotation : annotations == null ? new Annotation[0] : annotations) {
            if (annotation instanceof PathParam path) {
                name = path.value();
                inPath = true;
            } else if (annotation instanceof QueryParam query) {
                name = query.value();
            } else if (annotation instanceof HeaderParam header) {
                name = header.value();
            }
        }
        if (name == null) {
            return null;
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) new Converter<>(name, inPath, "must be a UUID", UUID::fromString);
        }
        if (rawType == Boolean.class || rawType == boolean.class) {
            // JAX-RS reads anything but "true" as false; "maybe" is a mistake worth naming.
            return (ParamConverter<T>) new Converter<>(name, inPath, "must be true or false", StrictParameters::bool);
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) new Converter<>(name, inPath, "must be a date YYYY-MM-DD", value -> LocalDate.parse(value, DAY));
        }
        if (rawType == YearMonth.class) {
            return (ParamConverter<T>) new Converter<>(name, inPath, "must be a month YYYY-MM", value -> YearMonth.parse(value, MONTH));
        }
        return null;
    }

    private static Boolean bool(String value) {
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException(value);
    }

    private record Converter<T>(String name, boolean inPath, String expected, Function<String, T> parse) implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            if (value == null || value.isEmpty()) {
                return null;
            }
            try {
                return parse.apply(value);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new InvalidParameterException(name, inPath, expected);
            }
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value.toString();
        }
    }
}
