package io.shequn.localstack;

import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs a main class and exits when the parent process is gone, so a test JVM that is killed
 * hard never leaves a broker behind. Usage: {@code ParentWatchingMain <parentPid> <mainClass> args...}
 */
public final class ParentWatchingMain {

    private ParentWatchingMain() {
    }

    public static void main(String[] args) throws Exception {
        long parentPid = Long.parseLong(args[0]);
        ProcessHandle.of(parentPid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(0)),
                () -> Runtime.getRuntime().halt(0));
        Method main = Class.forName(args[1]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
    }
}
