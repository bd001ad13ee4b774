package io.shequn.platform.requests;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;

/**
 * Request bodies are strict in every service: an unknown or repeated field, text after the JSON
 * value, a number for a string (or a string or fraction for a number), a
 * NUL character (which no PostgreSQL text column stores) or a date outside the years 0001-9999
 * (which PostgreSQL and java.time arithmetic do not share) is refused, and the problem mapper
 * answers 400 naming the field.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Marks our own refusals, so the mapper can show their message instead of a generic one. */
    public static final String REFUSED = "shequn-refused: ";
    public static final String NUL_MESSAGE = "must not contain the NUL character";

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        // A number or boolean where text is expected is a wrong type, not text.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        SimpleModule strict = new SimpleModule("shequn-strict-requests");
        strict.addDeserializer(String.class, new Text());
        strict.addKeyDeserializer(String.class, new TextKey());
        strict.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description, JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class
                        || type == LocalDate.class || type == YearMonth.class) {
                    return new FourDigitYears(deserializer);
                }
                return deserializer;
            }
        });
        mapper.registerModule(strict);
    }

    /** Why a string cannot be stored, or null when it can. */
    static String problemWith(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                return NUL_MESSAGE;
            }
            if (Character.isHighSurrogate(c) && (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)))) {
                return "must be valid Unicode text";
            }
        }
        return null;
    }

    private static final class Text extends StdScalarDeserializer<String> {
        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            String problem = value == null ? null : problemWith(value);
            if (problem != null) {
                throw InvalidFormatException.from(parser, REFUSED + problem, value, String.class);
            }
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    private static final class TextKey extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            String problem = problemWith(key);
            if (problem != null) {
                throw InvalidFormatException.from(context.getParser(), REFUSED + "keys " + problem, key, String.class);
            }
            return key;
        }
    }

    private static final class FourDigitYears extends DelegatingDeserializer {
        FourDigitYears(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new FourDigitYears(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            boolean outside = false;
            if (value instanceof Instant instant) {
                outside = instant.isBefore(EARLIEST) || instant.isAfter(LATEST);
            } else if (value instanceof OffsetDateTime time) {
                outside = time.toInstant().isBefore(EARLIEST) || time.toInstant().isAfter(LATEST);
            } else if (value instanceof ZonedDateTime time) {
                outside = time.toInstant().isBefore(EARLIEST) || time.toInstant().isAfter(LATEST);
            } else if (value instanceof LocalDate day) {
                outside = day.getYear() < 1 || day.getYear() > 9999;
            } else if (value instanceof YearMonth month) {
                outside = month.getYear() < 1 || month.getYear() > 9999;
            }
            if (outside) {
                throw InvalidFormatException.from(parser, REFUSED + "must lie in the years 0001 to 9999", value, value.getClass());
            }
            return value;
        }
    }
}
