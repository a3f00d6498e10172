/**
 * Keras's optimizers with Keras's defaults and update rules: {@link io.tfbridge.optimizers.SGD},
 * {@link io.tfbridge.optimizers.Adam}, {@link io.tfbridge.optimizers.AdamW},
 * {@link io.tfbridge.optimizers.Adamax}, {@link io.tfbridge.optimizers.Nadam},
 * {@link io.tfbridge.optimizers.Lion}, {@link io.tfbridge.optimizers.RMSprop},
 * {@link io.tfbridge.optimizers.Adagrad}, {@link io.tfbridge.optimizers.Adadelta},
 * {@link io.tfbridge.optimizers.Ftrl}, {@link io.tfbridge.optimizers.Adafactor}.
 * {@link io.tfbridge.optimizers.BaseOptimizer} holds what every Keras optimizer shares (learning rate
 * or schedule, clipping, weight decay, and {@link io.tfbridge.optimizers.StepOptions}: use_ema,
 * gradient_accumulation_steps, loss_scale_factor) and the order of a step; each optimizer adds its update ops on
 * VariableV2 variables, names its slots as Keras does and reads and writes its own Keras config
 * ({@link io.tfbridge.optimizers.Optimizers}).
 */
package io.tfbridge.optimizers;
