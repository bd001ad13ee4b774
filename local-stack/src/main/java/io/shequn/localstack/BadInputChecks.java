package io.shequn.localstack;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends the bad-input catalogue to every operation of the service's own OpenAPI document, as a
 * fuzzer or a careless client would: NUL characters, numbers that overflow their type, pages
 * whose offset overflows, dates at the edges of what java.time parses, repeated and unknown
 * fields, text after the JSON value, wrong types, invalid UTF-8, malformed UUIDs, no body, a
 * wrong content type, a body over the size limit and a URL over the length limit.
 *
 * <p>Expected: no answer is a 5xx; every 4xx is problem+json; a 400 lists {@code violations}
 * naming the field or parameter at fault; 413, 414 and 415 where the catalogue asks for them.
 * Operations are read from {@code /q/openapi}, so an endpoint added later is walked without
 * changing this class. A service's test extends it and supplies a caller allowed to call
 * everything and the ids its path parameters need (by parameter name; others get random ids).
 *
 * <p>A caller outside an operation's audience (its {@code x-shequn-access}) is bad input too:
 * a member of no group, and where the service supplies one an ordinary member of the fixtures'
 * group, get 403 problem+json from every operation not open to them, whatever the body, so a
 * refusal never tells them what would pass. So do the service's {@link #refusedCallers()}, whose
 * refusal follows from their state (a ban, a rank), with a valid and with an invalid body.
 */
public abstract class BadInputChecks {

    /** Marks what the catalogue sends, so that a log line quoting a request is found: letters and digits, as a URL keeps them. */
    private static final String PROBE = "probe" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static final String NUL = PROBE + "\u0000b";
    private static final String TOO_BIG_FOR_ANY_INTEGER = "123456789012345678901234567890";
    private static final int HUGE_BODY_BYTES = 11 * 1024 * 1024;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> failures = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    /** The probe and the free-text values the requests carry (names, phone numbers, reasons, messages: the personal data). */
    private final Set<String> sent = new HashSet<>(Set.of(PROBE));
    private JsonPath openApi;

    /** A bearer token allowed to call every operation (an operator who owns the fixtures' group). */
    protected abstract String token();

    /** Real ids for path parameters and body fields of the same name ({@code groupId}, {@code memberId}, ...). */
    protected abstract Map<String, String> ids();

    /** A token of an ordinary member (role MEMBER) of the fixtures' group, or null when the service has no groups to test. */
    protected String ordinaryMemberToken() {
        return null;
    }

    /**
     * A wrong caller whose refusal follows from their state towards what the path names (a
     * banned member joining, an admin acting on a member of higher rank) rather than from the
     * operation's audience; {@code path} overrides {@link #ids()} for this call.
     */
    public record RefusedCaller(String operationId, String who, String token, Map<String, String> path) {
    }

    /**
     * The service's wrong callers by state. Every operation that declares a 403 is called by a
     * wrong caller: one outside its audience, or one named here; each named here is also called
     * with the invalid body and query and must get 403 all the same.
     */
    protected List<RefusedCaller> refusedCallers() {
        return List.of();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationThatDeclaresA403RefusesAWrongCallerWhateverTheBody() {
        try (LogCapture logs = LogCapture.start()) {
            refuseWrongCallers();
            assertNothingSentIsLogged(logs);
        }
    }

    @SuppressWarnings("unchecked")
    private void refuseWrongCallers() {
        openApi = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = openApi.getMap("paths");
        String stranger = LocalStack.shared().tokens().member(UUID.randomUUID());
        String ordinary = ordinaryMemberToken();
        Map<String, Integer> checked = new TreeMap<>();
        Set<String> operationIds = new HashSet<>();
        int declaring = 0;
        for (var path : paths.entrySet()) {
            for (var entry : path.getValue().entrySet()) {
                Map<String, Object> operation = entry.getValue();
                String access = (String) operation.get("x-shequn-access");
                String operationId = (String) operation.get("operationId");
                operationIds.add(operationId);
                boolean declares403 = ((Map<String, Object>) operation.getOrDefault("responses", Map.of())).containsKey("403");
                declaring += declares403 ? 1 : 0;
                String method = entry.getKey().toUpperCase();
                Call valid = accessCall(method, path.getKey(), operation, false);
                Call invalid = accessCall(method, path.getKey(), operation, true);
                List<RefusedCaller> byState = refusedCallers().stream().filter(r -> r.operationId().equals(operationId)).toList();
                for (RefusedCaller refused : byState) {
                    checked.merge("refused-by-state", 1, Integer::sum);
                    for (Call call : List.of(valid, invalid)) {
                        expectForbidden(call.withPaths(refused.path()), refused.token(), refused.who());
                    }
                }
                if (operation.get("security") == null || access == null || access.equals("any-member")) {
                    if (byState.isEmpty() && declares403) {
                        failures.add(method + " " + path.getKey() + " (" + operationId + ") declares 403, but neither an audience"
                                + " (@Allowed) nor a refused caller of the test's fixtures shows who gets it");
                    }
                    continue;
                }
                checked.merge(access, 1, Integer::sum);
                if (!declares403) {
                    failures.add(method + " " + path.getKey() + " (" + operationId + ") is for " + access + " but declares no 403");
                }
                for (Call call : List.of(valid, invalid)) {
                    expectForbidden(call, stranger, "a member of no group");
                    if (ordinary != null && List.of("operators", "group-managers", "group-owner").contains(access)) {
                        expectForbidden(call, ordinary, "an ordinary member of the group");
                    }
                    if (ordinary != null && access.equals("self-or-group-managers")) {
                        expectForbidden(call.withPath("memberId", UUID.randomUUID().toString()), ordinary,
                                "an ordinary member of the group, about another member");
                    }
                }
            }
        }
        refusedCallers().stream().filter(r -> !operationIds.contains(r.operationId()))
                .forEach(r -> failures.add("refusedCallers() names " + r.operationId() + ", which the document does not have"));
        System.out.printf("Access: %d operations declare 403; checked by audience %s, %d requests%n", declaring, checked, requests.get());
        assertThat(checked).as("operations with a narrower audience than any member").isNotEmpty();
        assertThat(failures).as("refusals that are not a 403 problem, of %d requests", requests.get()).isEmpty();
    }

    /** The operation with the fixtures' ids, required parameters, and a valid body or one that breaks every rule. */
    @SuppressWarnings("unchecked")
    private Call accessCall(String method, String template, Map<String, Object> operation, boolean invalid) {
        Map<String, String> path = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        for (Map<String, Object> parameter : (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of())) {
            String name = (String) parameter.get("name");
            if ("path".equals(parameter.get("in"))) {
                path.put(name, ids().getOrDefault(name, UUID.randomUUID().toString()));
            } else if ("query".equals(parameter.get("in")) && (invalid || Boolean.TRUE.equals(parameter.get("required")))) {
                Map<String, Object> schema = resolve((Map<String, Object>) parameter.get("schema"));
                List<String> wrong = wrongValues(schema);
                query.put(name, invalid ? (wrong.isEmpty() ? NUL : wrong.get(0)) : valid(schema, name));
            }
        }
        Map<String, Object> bodySchema = bodySchema(operation);
        String body = bodySchema == null ? null
                : invalid ? "{\"unknownField\":\"" + NUL.replace("\u0000", "\\u0000") + "\",\"unknownField\":1} trailing"
                : Json.write(validBody(bodySchema));
        return new Call(method, template, path, query, Map.of(), body);
    }

    private void expectForbidden(Call call, String token, String who) {
        HttpResponse<String> response;
        try {
            response = send(call, token);
        } catch (IOException e) {
            failures.add(call + " as " + who + " → no answer: " + e);
            return;
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (response.statusCode() != 403 || !contentType.startsWith("application/problem+json")) {
            failures.add(call + " as " + who + " → " + response.statusCode() + " " + abbreviate(response.body()) + " (expected a 403 problem)");
        }
    }

    @Test
    void everyOperationAnswersTheBadInputCatalogueWithA4xxProblemNamingTheField() {
        try (LogCapture logs = LogCapture.start()) {
            walkTheCatalogue();
            assertNothingSentIsLogged(logs);
        }
    }

    /**
     * No log line, nor any exception logged with it, quotes what the requests carried: the probe
     * in every bad text value and the free-text values of the bodies (personal data in real use).
     */
    private void assertNothingSentIsLogged(LogCapture logs) {
        String canary = "bad-input checks: " + requests.get() + " requests sent";
        java.util.logging.Logger.getLogger(BadInputChecks.class.getName()).info(canary);
        assertThat(logs.lines()).as("the capture sees what is logged").anyMatch(line -> line.contains(canary));
        assertThat(logs.linesContaining(sent)).as("log lines quoting a value the requests sent (%s)", sent).isEmpty();
    }

    private void walkTheCatalogue() {
        openApi = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = openApi.getMap("paths");
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                operations++;
                walk(operation.getKey().toUpperCase(), path.getKey(), operation.getValue());
            }
        }
        System.out.printf("Bad-input catalogue: %d operations, %d requests, statuses %s%n", operations, requests.get(), statuses);
        assertThat(operations).isPositive();
        assertThat(failures).as("answers that break the contract, of %d requests", requests.get()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private void walk(String method, String template, Map<String, Object> operation) {
        List<Map<String, Object>> parameters = (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of());
        Map<String, String> path = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map<String, Object> parameter : parameters) {
            String name = (String) parameter.get("name");
            switch ((String) parameter.get("in")) {
                case "path" -> path.put(name, ids().getOrDefault(name, UUID.randomUUID().toString()));
                case "query" -> {
                    if (Boolean.TRUE.equals(parameter.get("required"))) {
                        query.put(name, valid(resolve((Map<String, Object>) parameter.get("schema")), name));
                    }
                }
                case "header" -> { }
                default -> { }
            }
        }
        Map<String, Object> bodySchema = bodySchema(operation);
        String body = bodySchema == null ? null : Json.write(validBody(bodySchema));
        Call base = new Call(method, template, path, query, headers, body);

        for (Map<String, Object> parameter : parameters) {
            String name = (String) parameter.get("name");
            Map<String, Object> schema = resolve((Map<String, Object>) parameter.get("schema"));
            switch ((String) parameter.get("in")) {
                case "path" -> {
                    expect(base.withPath(name, "not-a-uuid"), 404, name);
                    expect(base.withPath(name, "%00"), 404, null);
                }
                case "query" -> {
                    expect(base.withQuery(name, NUL), 400, name);
                    for (String wrong : wrongValues(schema)) {
                        expect(base.withQuery(name, wrong), 400, name);
                    }
                    expect(base.withQuery(name, "x".repeat(9000)), 414, null);
                }
                case "header" -> {
                    if ("uuid".equals(schema.get("format")) || isUuid(schema)) {
                        expect(base.withHeader(name, "not-a-uuid"), 400, name);
                    }
                }
                default -> { }
            }
        }
        if (parameters.stream().anyMatch(p -> "page".equals(p.get("name")))) {
            expect(base.withQuery("page", "21474837").withQuery("size", "100"), 400, "page");
        }
        if (bodySchema == null) {
            return;
        }
        Map<String, Object> valid = validBody(bodySchema);
        for (Field field : fields(bodySchema, "", 0)) {
            for (Object wrong : field.wrongValues()) {
                expect(base.withBody(Json.write(Json.with(valid, field.path(), wrong))), 400, field.path());
            }
            if (field.isString()) {
                String marker = "\"" + UUID.randomUUID() + "\"";
                String json = Json.write(Json.with(valid, field.path(), "MARKER"));
                expect(base.withRawBody(invalidUtf8(json.replace("\"MARKER\"", marker), marker)), 400, field.path());
            }
        }
        if (!valid.isEmpty()) {
            String first = valid.keySet().iterator().next();
            String once = Json.write(valid);
            String twice = "{\"" + first + "\":" + Json.write(valid.get(first)) + "," + once.substring(1);
            expect(base.withBody(twice), 400, first);
        }
        Map<String, Object> unknown = new LinkedHashMap<>(valid);
        unknown.put("unknownField", 1);
        expect(base.withBody(Json.write(unknown)), 400, "unknownField");
        expect(base.withBody(body + " {}"), 400, "body");
        expect(base.withBody("{"), 400, "body");
        expect(base.withBody("[]"), 400, "body");
        expect(base.withContentType("text/plain"), 415, null);
        expectTooLarge(base);
        if (Boolean.TRUE.equals(((Map<String, Object>) operation.get("requestBody")).get("required"))) {
            expect(base.withBody(null), 400, "body");
        } else {
            expect(base.withBody(null), 0, null);
        }
    }

    /** Sends the call and checks the answer; {@code status} 0 accepts any status below 500. */
    private void expect(Call call, int status, String field) {
        HttpResponse<String> response;
        try {
            response = send(call);
        } catch (IOException e) {
            failures.add(call + " → no answer: " + e);
            return;
        }
        statuses.merge(response.statusCode(), 1, Integer::sum);
        int actual = response.statusCode();
        String answer = call + " → " + actual + " " + abbreviate(response.body());
        if (actual >= 500) {
            failures.add(answer);
            return;
        }
        if (actual < 400) {
            if (status != 0) {
                failures.add(answer + " (a bad input was accepted)");
            }
            return;
        }
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            failures.add(answer + " (not application/problem+json)");
            return;
        }
        if ((status == 413 || status == 414 || status == 415) && actual != status) {
            failures.add(answer + " (expected " + status + ")");
            return;
        }
        if (actual == 400 && (field == null || status == 400)) {
            JsonPath problem = new JsonPath(response.body());
            List<String> named = problem.getList("violations.field");
            if (named == null || named.isEmpty()) {
                failures.add(answer + " (a 400 without violations)");
            } else if (field != null && named.stream().noneMatch(name -> names(name, field))) {
                failures.add(answer + " (expected a violation naming " + field + ")");
            }
        } else if (status == 404 && actual == 404 && field != null && !response.body().contains(field)) {
            failures.add(answer + " (expected the detail to name " + field + ")");
        }
    }

    /** The violation names the expected field, a field inside it, or the field it lies in. */
    private static boolean names(String reported, String expected) {
        return reported.equals(expected) || within(reported, expected) || within(expected, reported);
    }

    private static boolean within(String inner, String outer) {
        return inner.startsWith(outer + ".") || inner.startsWith(outer + "[");
    }

    /**
     * Announces a body over the size limit and waits, as a client sending "Expect: 100-continue"
     * does: the server must refuse it (413 problem) before a byte of it is sent.
     */
    private void expectTooLarge(Call call) {
        requests.incrementAndGet();
        String path = call.template();
        for (var parameter : call.path().entrySet()) {
            path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        URI base = URI.create(RestAssured.baseURI + ":" + RestAssured.port);
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            String head = call.method() + " " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nAuthorization: Bearer " + token() + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + HUGE_BODY_BYTES + "\r\nExpect: 100-continue\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String status = in.readLine();
            String contentType = "";
            String line;
            while ((line = in.readLine()) != null && !line.isEmpty()) {
                if (line.toLowerCase().startsWith("content-type:")) {
                    contentType = line.substring("content-type:".length()).trim();
                }
            }
            String answer = call.method() + " " + call.template() + " <announces " + HUGE_BODY_BYTES + " bytes> → " + status;
            int code = status == null || status.length() < 12 ? 0 : Integer.parseInt(status.substring(9, 12));
            statuses.merge(code, 1, Integer::sum);
            if (code != 413) {
                failures.add(answer + " (expected 413)");
            } else if (!contentType.startsWith("application/problem+json")) {
                failures.add(answer + " (not application/problem+json)");
            }
        } catch (IOException | NumberFormatException e) {
            failures.add(call.method() + " " + call.template() + " <announces a huge body> → no answer: " + e);
        }
    }

    private HttpResponse<String> send(Call call) throws IOException {
        return send(call, token());
    }

    private HttpResponse<String> send(Call call, String token) throws IOException {
        requests.incrementAndGet();
        StringBuilder uri = new StringBuilder(RestAssured.baseURI + ":" + RestAssured.port);
        String path = call.template();
        for (var parameter : call.path().entrySet()) {
            path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        uri.append(path);
        String separator = "?";
        for (var parameter : call.query().entrySet()) {
            uri.append(separator).append(parameter.getKey()).append('=').append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = "&";
        }
        HttpRequest.BodyPublisher publisher = call.rawBody() != null ? HttpRequest.BodyPublishers.ofByteArray(call.rawBody())
                : call.body() != null ? HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8)
                : HttpRequest.BodyPublishers.noBody();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri.toString())).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, application/problem+json")
                .method(call.method(), publisher);
        if (call.body() != null || call.rawBody() != null) {
            request.header("Content-Type", call.contentType());
        }
        call.headers().forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    // ---- schemas -----------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private Map<String, Object> bodySchema(Map<String, Object> operation) {
        Map<String, Object> requestBody = (Map<String, Object>) operation.get("requestBody");
        if (requestBody == null) {
            return null;
        }
        Map<String, Object> content = (Map<String, Object>) requestBody.get("content");
        Map<String, Object> json = content == null ? null : (Map<String, Object>) content.get("application/json");
        return json == null ? null : resolve((Map<String, Object>) json.get("schema"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resolve(Map<String, Object> schema) {
        if (schema == null) {
            return Map.of();
        }
        Object ref = schema.get("$ref");
        if (ref instanceof String reference && reference.startsWith("#/components/schemas/")) {
            Map<String, Object> target = openApi.getMap("components.schemas.'" + reference.substring("#/components/schemas/".length()) + "'");
            Map<String, Object> merged = new LinkedHashMap<>(resolve(target));
            schema.forEach((key, value) -> {
                if (!key.equals("$ref")) {
                    merged.put(key, value);
                }
            });
            return merged;
        }
        List<Map<String, Object>> allOf = (List<Map<String, Object>>) schema.get("allOf");
        if (allOf != null && !allOf.isEmpty()) {
            Map<String, Object> merged = new LinkedHashMap<>(resolve(allOf.get(0)));
            schema.forEach((key, value) -> {
                if (!key.equals("allOf")) {
                    merged.put(key, value);
                }
            });
            return merged;
        }
        return schema;
    }

    private static String type(Map<String, Object> schema) {
        Object type = schema.get("type");
        if (type instanceof List<?> types) {
            return types.stream().map(String::valueOf).filter(t -> !t.equals("null")).findFirst().orElse(null);
        }
        if (type == null && schema.containsKey("enum")) {
            return "string";
        }
        return (String) type;
    }

    private static boolean isUuid(Map<String, Object> schema) {
        return "uuid".equals(schema.get("format")) || String.valueOf(schema.get("pattern")).contains("[a-fA-F0-9]{8}");
    }

    private static boolean isDate(Map<String, Object> schema) {
        return "date".equals(schema.get("format"));
    }

    private static boolean isDateTime(Map<String, Object> schema) {
        return "date-time".equals(schema.get("format"));
    }

    private static boolean isMonth(Map<String, Object> schema) {
        return String.valueOf(schema.get("pattern")).contains("\\d{4}-\\d{2}") || "YearMonth".equals(schema.get("title"));
    }

    /** Values a parameter of this schema must refuse. */
    private static List<String> wrongValues(Map<String, Object> schema) {
        String type = type(schema);
        List<String> wrong = new ArrayList<>();
        if ("integer".equals(type) || "number".equals(type)) {
            wrong.add(TOO_BIG_FOR_ANY_INTEGER);
            wrong.add("abc");
        } else if ("boolean".equals(type)) {
            wrong.add("maybe");
        } else if (isDate(schema)) {
            wrong.addAll(List.of("-999999999-01-01", "+999999999-12-31", "2026-02-30", "tomorrow"));
        } else if (isMonth(schema)) {
            wrong.addAll(List.of("-999999999-01", "+999999999-12", "2026-13"));
        } else if (isUuid(schema)) {
            wrong.add("not-a-uuid");
        } else if (schema.containsKey("enum")) {
            wrong.add("NO_SUCH_VALUE");
        }
        return wrong;
    }

    @SuppressWarnings("unchecked")
    private String valid(Map<String, Object> schema, String name) {
        Object example = example(schema);
        if (example != null && !(example instanceof Map) && !(example instanceof List)) {
            return String.valueOf(example);
        }
        if (schema.containsKey("enum")) {
            return String.valueOf(((List<Object>) schema.get("enum")).get(0));
        }
        if (isUuid(schema)) {
            return ids().getOrDefault(name, UUID.randomUUID().toString());
        }
        if (isDate(schema)) {
            return "2026-11-23";
        }
        if (isDateTime(schema)) {
            return "2026-11-23T08:00:00Z";
        }
        return switch (String.valueOf(type(schema))) {
            case "integer", "number" -> String.valueOf(schema.getOrDefault("minimum", 1));
            case "boolean" -> "false";
            default -> "x";
        };
    }

    @SuppressWarnings("unchecked")
    private static Object example(Map<String, Object> schema) {
        if (schema.get("examples") instanceof List<?> examples && !examples.isEmpty()) {
            return examples.get(0);
        }
        return schema.get("example");
    }

    /** The required fields of the body with valid values: examples where the document has them. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> validBody(Map<String, Object> schema) {
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
        List<String> required = (List<String>) schema.getOrDefault("required", List.of());
        for (String name : required) {
            Object value = validValue(resolve((Map<String, Object>) properties.get(name)), name);
            if (value != null) {
                body.put(name, value);
            }
        }
        return body;
    }

    @SuppressWarnings("unchecked")
    private Object validValue(Map<String, Object> schema, String name) {
        String type = type(schema);
        if ("object".equals(type) || schema.containsKey("properties")) {
            return validBody(schema);
        }
        if ("array".equals(type)) {
            Object example = example(schema);
            if (example instanceof List<?> list) {
                return list;
            }
            int min = ((Number) schema.getOrDefault("minItems", 0)).intValue();
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < Math.max(min, 1); i++) {
                items.add(validValue(resolve((Map<String, Object>) schema.get("items")), name));
            }
            return items;
        }
        Object example = example(schema);
        if (example instanceof String text && isText(schema) && text.length() >= 6) {
            sent.add(text);
        }
        if (example != null) {
            return example;
        }
        String value = valid(schema, name);
        return switch (String.valueOf(type)) {
            case "integer" -> Long.parseLong(value);
            case "number" -> Double.parseDouble(value);
            case "boolean" -> Boolean.parseBoolean(value);
            default -> value;
        };
    }

    /** A field of a body, by its path as the problem names it, with the values it must refuse. */
    private record Field(String path, List<Object> wrongValues, boolean isString) {
    }

    @SuppressWarnings("unchecked")
    private List<Field> fields(Map<String, Object> schema, String prefix, int depth) {
        List<Field> fields = new ArrayList<>();
        Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
        if (depth > 3) {
            return fields;
        }
        for (var property : properties.entrySet()) {
            String path = prefix + property.getKey();
            Map<String, Object> field = resolve((Map<String, Object>) property.getValue());
            String type = type(field);
            if ("object".equals(type) || field.containsKey("properties")) {
                fields.add(new Field(path, List.of("text instead of an object"), false));
                fields.addAll(fields(field, path + ".", depth + 1));
            } else if ("array".equals(type)) {
                fields.add(new Field(path, List.of("text instead of a list"), false));
                Map<String, Object> items = resolve((Map<String, Object>) field.get("items"));
                if (items.containsKey("properties")) {
                    fields.addAll(fields(items, path + "[0].", depth + 1));
                } else {
                    fields.add(new Field(path + "[0]", wrongBodyValues(items), isText(items)));
                }
            } else if (field.containsKey("additionalProperties")) {
                fields.add(new Field(path, List.of("text instead of an object"), false));
                fields.add(new Field(path + ".key", wrongBodyValues(resolve((Map<String, Object>) field.get("additionalProperties"))), false));
            } else {
                fields.add(new Field(path, wrongBodyValues(field), isText(field)));
            }
        }
        return fields;
    }

    private static boolean isText(Map<String, Object> schema) {
        return "string".equals(type(schema)) && !schema.containsKey("enum") && !isUuid(schema) && !isDate(schema) && !isDateTime(schema);
    }

    private static List<Object> wrongBodyValues(Map<String, Object> schema) {
        String type = type(schema);
        List<Object> wrong = new ArrayList<>();
        if ("integer".equals(type) || "number".equals(type)) {
            wrong.add(new Json.Raw(TOO_BIG_FOR_ANY_INTEGER));
            wrong.add(new Json.Raw("1e400"));
            wrong.add("12");
            wrong.add(Map.of("a", 1));
        } else if ("boolean".equals(type)) {
            wrong.add("true");
            wrong.add(1);
        } else if (isDateTime(schema)) {
            wrong.addAll(List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "10000-01-01T00:00:00Z", "yesterday"));
        } else if (isDate(schema)) {
            wrong.addAll(List.of("-999999999-01-01", "+999999999-12-31", "yesterday"));
        } else if (isUuid(schema)) {
            wrong.addAll(List.of("not-a-uuid", NUL, 42));
        } else if (schema.containsKey("enum")) {
            wrong.addAll(List.of("NO_SUCH_VALUE", NUL, 0));
        } else {
            wrong.addAll(List.of(NUL, 42, true, Map.of("a", 1), List.of("a")));
        }
        return wrong;
    }

    private static byte[] invalidUtf8(String json, String marker) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            boolean match = true;
            for (int j = 0; j < needle.length && match; j++) {
                match = bytes[i + j] == needle[j];
            }
            if (match) {
                bytes[i + 1] = (byte) 0xC3;
                bytes[i + 2] = (byte) 0x28;
                return bytes;
            }
        }
        return bytes;
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    /** One request: the operation, its parameters and body. */
    private record Call(String method, String template, Map<String, String> path, Map<String, String> query,
                        Map<String, String> headers, String body, byte[] rawBody, String contentType) {

        Call(String method, String template, Map<String, String> path, Map<String, String> query, Map<String, String> headers, String body) {
            this(method, template, path, query, headers, body, null, "application/json");
        }

        Call withPath(String name, String value) {
            return new Call(method, template, changed(path, map -> map.put(name, value)), query, headers, body, rawBody, contentType);
        }

        Call withPaths(Map<String, String> values) {
            return new Call(method, template, changed(path, map -> map.putAll(values)), query, headers, body, rawBody, contentType);
        }

        Call withQuery(String name, String value) {
            return new Call(method, template, path, changed(query, map -> map.put(name, value)), headers, body, rawBody, contentType);
        }

        Call withHeader(String name, String value) {
            return new Call(method, template, path, query, changed(headers, map -> map.put(name, value)), body, rawBody, contentType);
        }

        Call withBody(String json) {
            return new Call(method, template, path, query, headers, json, null, contentType);
        }

        Call withRawBody(byte[] bytes) {
            return new Call(method, template, path, query, headers, null, bytes, contentType);
        }

        Call withContentType(String type) {
            return new Call(method, template, path, query, headers, body == null ? "{}" : body, rawBody, type);
        }

        private static Map<String, String> changed(Map<String, String> original, java.util.function.Consumer<Map<String, String>> change) {
            Map<String, String> copy = new LinkedHashMap<>(original);
            change.accept(copy);
            return copy;
        }

        @Override
        public String toString() {
            String shown = rawBody != null ? "<" + rawBody.length + " bytes, invalid UTF-8>"
                    : body == null ? "<no body>" : body.length() > 200 ? "<" + body.length() + " characters>" : body.replace("\u0000", "\\u0000");
            String q = query.isEmpty() ? "" : " ?" + query.entrySet().stream()
                    .map(e -> e.getKey() + "=" + (e.getValue().length() > 40 ? "<" + e.getValue().length() + " chars>" : e.getValue().replace("\u0000", "\\u0000")))
                    .reduce((a, b) -> a + "&" + b).orElse("");
            return method + " " + template + " " + path.values() + q + (headers.isEmpty() ? "" : " " + headers)
                    + (contentType.equals("application/json") ? "" : " [" + contentType + "]") + " " + shown;
        }
    }

    /** Just enough JSON writing for bodies built from maps, lists, strings, numbers and raw number text. */
    static final class Json {

        /** Number text written as is (it need not fit any Java number). */
        record Raw(String text) {
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> with(Map<String, Object> body, String path, Object value) {
            Map<String, Object> copy = deepCopy(body);
            Object node = copy;
            String[] segments = path.replace("[", ".[").split("\\.");
            for (int i = 0; i < segments.length; i++) {
                String segment = segments[i];
                boolean last = i == segments.length - 1;
                if (segment.startsWith("[")) {
                    List<Object> list = (List<Object>) node;
                    if (list.isEmpty()) {
                        list.add(last ? value : new LinkedHashMap<String, Object>());
                    } else if (last) {
                        list.set(0, value);
                    }
                    node = list.get(0);
                } else {
                    Map<String, Object> map = (Map<String, Object>) node;
                    if (last) {
                        map.put(segment, value);
                    } else {
                        boolean nextIsIndex = segments[i + 1].startsWith("[");
                        Object child = map.get(segment);
                        if (!(child instanceof Map) && !(child instanceof List)) {
                            child = nextIsIndex ? new ArrayList<>() : new LinkedHashMap<String, Object>();
                            map.put(segment, child);
                        }
                        node = child;
                    }
                }
            }
            return copy;
        }

        @SuppressWarnings("unchecked")
        private static <T> T deepCopy(T value) {
            if (value instanceof Map<?, ?> map) {
                Map<String, Object> copy = new LinkedHashMap<>();
                map.forEach((k, v) -> copy.put((String) k, deepCopy(v)));
                return (T) copy;
            }
            if (value instanceof List<?> list) {
                List<Object> copy = new ArrayList<>();
                list.forEach(v -> copy.add(deepCopy(v)));
                return (T) copy;
            }
            return value;
        }

        static String write(Object value) {
            StringBuilder out = new StringBuilder();
            write(value, out);
            return out.toString();
        }

        private static void write(Object value, StringBuilder out) {
            if (value == null) {
                out.append("null");
            } else if (value instanceof Raw raw) {
                out.append(raw.text());
            } else if (value instanceof Number || value instanceof Boolean) {
                out.append(value);
            } else if (value instanceof Map<?, ?> map) {
                out.append('{');
                boolean first = true;
                for (var entry : map.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(String.valueOf(entry.getKey()), out);
                    out.append(':');
                    write(entry.getValue(), out);
                }
                out.append('}');
            } else if (value instanceof List<?> list) {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(list.get(i), out);
                }
                out.append(']');
            } else {
                string(String.valueOf(value), out);
            }
        }

        private static void string(String text, StringBuilder out) {
            out.append('"');
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }
    }
}
