package io.shequn.platform.requests;

/**
 * A path, query or header parameter that does not convert. JAX-RS wraps it (404 for path and
 * query, 400 for headers); the problem mapper unwraps it to name the parameter.
 */
public class InvalidParameterException extends IllegalArgumentException {

    private final String parameter;
    private final boolean inPath;

    public InvalidParameterException(String parameter, boolean inPath, String message) {
        super(message);
        this.parameter = parameter;
        this.inPath = inPath;
    }

    public String parameter() {
        return parameter;
    }

    public boolean inPath() {
        return inPath;
    }
}
