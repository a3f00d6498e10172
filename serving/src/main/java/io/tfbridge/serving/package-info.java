/**
 * A REST server speaking TF Serving's API ({@code /v1/models/NAME[/versions/N|/labels/L]:predict},
 * {@code :classify}, {@code :regress}, status, metadata) for SavedModels and Keras files, on Netty:
 * {@link io.tfbridge.serving.ModelServer} serving one model or the several a TF Serving
 * {@code --model_config_file} lists ({@link io.tfbridge.serving.ServerConfig#fromFile}), with
 * version policies and labels, and, with TF Serving's {@code --enable_batching}
 * ({@link io.tfbridge.serving.BatchingParameters}), concurrent predictions batched into one run.
 */
package io.tfbridge.serving;
