/**
 * Keras's serialization concepts without a file format, as Keras's {@code keras.saving}: a layer's
 * {@link io.tfbridge.saving.Config} (the options of {@code get_config()}), a serialized
 * {@link io.tfbridge.saving.KerasObject} ({@code {"module", "class_name", "config"}}), and the
 * {@link io.tfbridge.saving.ConfigReader} a layer's {@code fromConfig} reads its options with. JSON,
 * HDF5 and zip files stay in interop; a layer owns its config both ways here.
 */
package io.tfbridge.saving;
