package dev.nabla.ml;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * getParams / setParams over an options record. A record is read through its components (so the
 * order is the declaration order) and rebuilt through its canonical constructor, so every change is
 * validated exactly like construction. Estimator-valued components expose their own params as
 * {@code "component.param"}, sklearn's nested-parameter syntax.
 */
public final class Params {
    private Params() {}

    public static Map<String, Object> of(Record options) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (RecordComponent c : options.getClass().getRecordComponents()) {
            Object value = read(options, c);
            params.put(c.getName(), value);
            if (value instanceof Estimator nested)
                nested.getParams().forEach((k, v) -> params.put(c.getName() + "." + k, v));
        }
        return params;
    }

    public static <O extends Record> O with(O options, Map<String, ?> changes, String owner) {
        RecordComponent[] components = options.getClass().getRecordComponents();
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecordComponent c : components) values.put(c.getName(), read(options, c));
        Map<String, Map<String, Object>> nested = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : changes.entrySet()) {
            String key = e.getKey();
            int dot = key.indexOf('.');
            String head = dot < 0 ? key : key.substring(0, dot);
            if (!values.containsKey(head))
                throw new IllegalArgumentException(owner + ": unknown parameter '" + key + "'; valid parameters: " + values.keySet());
            if (dot < 0) values.put(key, e.getValue());
            else nested.computeIfAbsent(head, k -> new LinkedHashMap<>()).put(key.substring(dot + 1), e.getValue());
        }
        for (Map.Entry<String, Map<String, Object>> e : nested.entrySet()) {
            if (!(values.get(e.getKey()) instanceof Estimator inner))
                throw new IllegalArgumentException(owner + ": parameter '" + e.getKey() + "' is not an estimator, so it has no nested parameters " + e.getValue().keySet());
            values.put(e.getKey(), inner.setParams(e.getValue()));
        }
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++)
            args[i] = coerce(owner, components[i].getName(), values.get(components[i].getName()), components[i].getGenericType());
        return construct(options.getClass(), components, args);
    }

    @SuppressWarnings("unchecked")
    static <O extends Record> O construct(Class<?> type, RecordComponent[] components, Object[] args) {
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) types[i] = components[i].getType();
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            return (O) canonical.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild " + type.getName() + ": " + e, e);
        }
    }

    private static Object read(Record options, RecordComponent c) {
        try {
            return c.getAccessor().invoke(options);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c, e);
        }
    }

    /** Accepts what a user naturally passes: an int for a double, a string for an enum ("l2", "most_frequent"). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object coerce(String owner, String param, Object value, Type type) {
        Class<?> raw = rawClass(type);
        if (value == null) {
            if (raw.isPrimitive()) throw new IllegalArgumentException(owner + ": parameter '" + param + "' must not be null");
            return null;
        }
        Class<?> boxed = box(raw);
        if (boxed.isInstance(value)) return value;
        if (value instanceof Number n) {
            if (boxed == Double.class || boxed == Float.class) return boxed == Double.class ? (Object) n.doubleValue() : (Object) n.floatValue();
            double d = n.doubleValue();
            if ((boxed == Integer.class || boxed == Long.class) && d == Math.rint(d))
                return boxed == Integer.class ? (Object) (int) d : (Object) (long) d;
        }
        if (value instanceof String s && raw.isEnum()) {
            String wanted = s.replace('-', '_').toUpperCase(Locale.ROOT);
            for (Object constant : raw.getEnumConstants())
                if (((Enum) constant).name().equals(wanted)) return constant;
            throw new IllegalArgumentException(owner + ": parameter '" + param + "' must be one of "
                    + List.of(raw.getEnumConstants()).toString().toLowerCase(Locale.ROOT) + ", got '" + s + "'");
        }
        if (value instanceof List<?> list && raw == List.class) return new ArrayList<>(list);
        Object converted = fromParam(owner, param, raw, value);
        if (converted != null) return converted;
        throw new IllegalArgumentException(owner + ": parameter '" + param + "' expects " + type.getTypeName()
                + ", got " + value.getClass().getSimpleName() + " " + value);
    }

    /**
     * Parameter value types with several forms (MaxFeatures, Gamma, ClassWeight) take sklearn's spellings,
     * such as "sqrt", "scale", "balanced" or a number, through their static {@code fromParam(Object)}.
     */
    private static Object fromParam(String owner, String param, Class<?> raw, Object value) {
        java.lang.reflect.Method parse;
        try {
            parse = raw.getMethod("fromParam", Object.class);
        } catch (NoSuchMethodException e) {
            return null;
        }
        try {
            return parse.invoke(null, value);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalArgumentException(owner + ": parameter '" + param + "': " + e.getCause().getMessage(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) return c;
        if (type instanceof ParameterizedType p) return (Class<?>) p.getRawType();
        throw new IllegalArgumentException("unsupported parameter type " + type);
    }

    private static Class<?> box(Class<?> c) {
        if (!c.isPrimitive()) return c;
        if (c == double.class) return Double.class;
        if (c == int.class) return Integer.class;
        if (c == long.class) return Long.class;
        if (c == boolean.class) return Boolean.class;
        if (c == float.class) return Float.class;
        throw new IllegalArgumentException("unsupported primitive " + c);
    }
}
