/**
 * The model zoo: the architectures of the lesson "Advanced Topics in Machine Learning" as
 * {@link io.tfbridge.models.Sequential} specs, ready to seed and compile.
 *
 * <pre>{@code
 * try (Model model = LessonModels.iris().seed(42)
 *     .compile("adam", "sparse_categorical_crossentropy", "accuracy")) {
 *   ...
 * }
 * }</pre>
 *
 * <p>Their parameter counts equal Keras's; {@code models/python/param_counts.py} prints Keras's.
 */
package io.tfbridge.zoo;
