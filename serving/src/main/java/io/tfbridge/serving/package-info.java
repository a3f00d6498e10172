/**
 * A REST server speaking TF Serving's API ({@code /v1/models/NAME[/versions/N|/labels/L]:predict},
 * {@code :classify}, {@code :regress}, status, metadata) for SavedModels and Keras files, on Netty:
 * {@link io.tfbridge.serving.ModelServer} serving one model or the several a TF Serving
 * {@code --model_config_file} lists ({@link io.tfbridge.serving.ServerConfig#fromFile}), with
 * version policies and labels.
 */
package io.tfbridge.serving;
