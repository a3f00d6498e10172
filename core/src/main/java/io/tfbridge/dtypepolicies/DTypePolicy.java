package io.tfbridge.dtypepolicies;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.KerasObject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.tensorflow.types.TBfloat16;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TFloating;

/**
 * Keras's {@code DTypePolicy}: the dtype a layer computes in and the dtype its variables are stored
 * in. tfbridge has {@code float32} (the default) and {@code mixed_bfloat16}, whose layers keep float32
 * variables, cast their inputs and (as Keras's {@code AutocastVariable}) their weights to bfloat16 and
 * compute in bfloat16; losses and metrics stay float32. A layer takes the global policy when it is
 * made, unless given its own with {@code .dtype(...)}, as in Keras.
 *
 * <pre>{@code
 * DTypePolicy.setGlobalPolicy("mixed_bfloat16");
 * try {
 *   Dense hidden = Dense.of(64).activation("relu");                    // mixed_bfloat16
 *   Dense output = Dense.of(10).activation("softmax").dtype("float32"); // as Keras recommends
 * } finally {
 *   DTypePolicy.setGlobalPolicy("float32");
 * }
 * }</pre>
 */
public final class DTypePolicy {
  /** Computes and stores variables in float32: Keras's default. */
  public static final DTypePolicy FLOAT32 = new DTypePolicy("float32", "float32");

  /** Float32 variables, bfloat16 computation. */
  public static final DTypePolicy MIXED_BFLOAT16 = new DTypePolicy("mixed_bfloat16", "bfloat16");

  private static final List<DTypePolicy> SUPPORTED = List.of(FLOAT32, MIXED_BFLOAT16);

  /** Policies Keras accepts that tfbridge does not compute in yet. */
  private static final Set<String> KERAS_ONLY =
      Set.of("mixed_float16", "float16", "bfloat16", "float64");

  private static volatile DTypePolicy global = FLOAT32;

  private final String name;
  private final String computeDtype;

  private DTypePolicy(String name, String computeDtype) {
    this.name = name;
    this.computeDtype = computeDtype;
  }

  /**
   * The policy of this Keras name: {@code "float32"} or {@code "mixed_bfloat16"}.
   *
   * @throws IllegalArgumentException for another name, listing the supported ones
   */
  public static DTypePolicy of(String name) {
    for (DTypePolicy p : SUPPORTED) {
      if (p.name.equals(name)) {
        return p;
      }
    }
    if (KERAS_ONLY.contains(name)) {
      throw new IllegalArgumentException("dtype policy '" + name + "' is not supported by tfbridge; "
          + "supported: " + supportedNames());
    }
    throw new IllegalArgumentException("Cannot convert '" + name + "' to a mixed precision "
        + "DTypePolicy. Valid policies include " + supportedNames());
  }

  /** The supported policy names, comma-separated: {@code float32, mixed_bfloat16}. */
  public static String supportedNames() {
    return SUPPORTED.stream().map(p -> p.name).collect(Collectors.joining(", "));
  }

  /**
   * Sets the policy layers take when they are made without one (Keras's
   * {@code keras.mixed_precision.set_global_policy}); layers already made keep theirs.
   */
  public static void setGlobalPolicy(String name) {
    global = of(name);
  }

  /** The policy layers made now take (Keras's {@code keras.mixed_precision.global_policy()}). */
  public static DTypePolicy globalPolicy() {
    return global;
  }

  /** The Keras name: {@code "mixed_bfloat16"}. */
  public String name() {
    return name;
  }

  /** The dtype a layer computes in: {@code "bfloat16"} or {@code "float32"}. */
  public String computeDtype() {
    return computeDtype;
  }

  /** The dtype of a layer's variables: always {@code "float32"}. */
  public String variableDtype() {
    return "float32";
  }

  /** Whether the compute dtype differs from the variable dtype (Keras's mixed precision). */
  public boolean isMixed() {
    return !computeDtype.equals(variableDtype());
  }

  /** The TensorFlow type of {@link #computeDtype()}. */
  public Class<? extends TFloating> computeType() {
    return isMixed() ? TBfloat16.class : TFloat32.class;
  }

  /** The policy as a layer config holds it: {@code {"module": "keras", "class_name": "DTypePolicy", ...}}. */
  public KerasObject toConfig() {
    return KerasObject.of("keras", "DTypePolicy", Config.builder().put("name", name).build());
  }

  /**
   * The policy a layer config's {@code dtype} names (a DTypePolicy object or a plain name), or
   * {@code fallback} when there is none.
   */
  public static DTypePolicy fromConfig(Object dtype, DTypePolicy fallback) {
    if (dtype == null) {
      return fallback;
    }
    return of(dtype instanceof KerasObject o ? String.valueOf(o.options().get("name"))
        : String.valueOf(dtype));
  }

  @Override
  public String toString() {
    return "<DTypePolicy \"" + name + "\">";
  }
}
