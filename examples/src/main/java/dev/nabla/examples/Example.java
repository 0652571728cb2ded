package dev.nabla.examples;

import java.util.Map;

/** A runnable example: trains, reports, prints its final metrics as one JSON line and returns them. */
@FunctionalInterface
public interface Example {
    Map<String, Object> run(ExampleOptions options) throws Exception;
}
