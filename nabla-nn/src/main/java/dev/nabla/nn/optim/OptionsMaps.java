package dev.nabla.nn.optim;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options records to and from plain maps (component name to Double, Long, Integer or Boolean), the
 * form they take in a state dict. Reflection over record components keeps every optimizer's options
 * serialisable without hand-written code; it runs only when saving or loading.
 */
final class OptionsMaps {
    private OptionsMaps() {}

    static Map<String, Object> toMap(Record options) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (RecordComponent c : options.getClass().getRecordComponents()) {
            try {
                map.put(c.getName(), c.getAccessor().invoke(options));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("state dict: cannot read option " + c.getName() + " of " + options.getClass().getName(), e);
            }
        }
        return map;
    }

    /** The record of type type whose components are read from map (extra keys are ignored). */
    static <R extends Record> R fromMap(Class<R> type, Map<String, ?> map) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            types[i] = components[i].getType();
            Object v = map.get(name);
            if (v == null) throw new IllegalArgumentException("state dict: param group has no option '" + name + "' for " + type.getName());
            args[i] = convert(name, v, types[i]);
        }
        try {
            var ctor = type.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            // The record's own validation failed: surface its message.
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("state dict: cannot construct " + type.getName(), e);
        }
    }

    private static Object convert(String name, Object v, Class<?> type) {
        if (type == boolean.class && v instanceof Boolean) return v;
        if (v instanceof Number n) {
            if (type == double.class) return n.doubleValue();
            if (type == long.class) return n.longValue();
            if (type == int.class) return n.intValue();
        }
        throw new IllegalArgumentException("state dict: option '" + name + "' should be a " + type + ", got " + v + " (" + v.getClass().getSimpleName() + ")");
    }
}
