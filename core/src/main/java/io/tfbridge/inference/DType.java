package io.tfbridge.inference;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The element types a model's inputs and outputs may have, by their numpy/Keras names. */
public enum DType {
  /** 32-bit float. */
  FLOAT32,
  /** 64-bit float. */
  FLOAT64,
  /** 32-bit signed integer. */
  INT32,
  /** 64-bit signed integer. */
  INT64,
  /** Unsigned byte. */
  UINT8,
  /** Boolean. */
  BOOL,
  /** Byte string (UTF-8 text on the Java side). */
  STRING;

  /** The numpy name, e.g. {@code "float32"}. */
  public String numpyName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The type of this numpy name.
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static DType of(String numpyName) {
    for (DType t : values()) {
      if (t.numpyName().equals(numpyName)) {
        return t;
      }
    }
    throw new IllegalArgumentException("Unknown dtype '" + numpyName + "'; known: "
        + Arrays.stream(values()).map(DType::numpyName).collect(Collectors.joining(", ")));
  }
}
