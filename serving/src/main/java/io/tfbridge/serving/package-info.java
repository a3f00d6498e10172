/**
 * A REST server speaking TF Serving's API ({@code /v1/models/NAME:predict},
 * {@code :classify} and {@code :regress}, status, metadata) for
 * SavedModels and Keras files, on Netty: {@link io.tfbridge.serving.ModelServer}.
 */
package io.tfbridge.serving;
