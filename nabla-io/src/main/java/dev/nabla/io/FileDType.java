package dev.nabla.io;

import dev.nabla.DType;
import java.util.Optional;

/**
 * The safetensors element types Nabla reads, with the Nabla dtype each becomes. F16 and BF16 have no
 * Nabla dtype yet, so they are widened to float32 on load (exactly: every half value is a float).
 */
enum FileDType {
    F64("F64", 8, DType.FLOAT64),
    F32("F32", 4, DType.FLOAT32),
    I64("I64", 8, DType.INT64),
    I32("I32", 4, DType.INT32),
    BOOL("BOOL", 1, DType.BOOL),
    F16("F16", 2, DType.FLOAT32),
    BF16("BF16", 2, DType.FLOAT32);

    final String code;
    final int byteSize;
    final DType loadsAs;

    FileDType(String code, int byteSize, DType loadsAs) {
        this.code = code;
        this.byteSize = byteSize;
        this.loadsAs = loadsAs;
    }

    static Optional<FileDType> fromCode(String code) {
        for (FileDType d : values()) if (d.code.equals(code)) return Optional.of(d);
        return Optional.empty();
    }

    /** The file type a Nabla tensor of dtype is written as (always lossless). */
    static FileDType of(DType dtype) {
        return switch (dtype) {
            case FLOAT64 -> F64;
            case FLOAT32 -> F32;
            case INT64 -> I64;
            case INT32 -> I32;
            case BOOL -> BOOL;
        };
    }
}
