"""Sequence layers and masks: Embedding(mask_zero), Masking, recurrent layers with masks and
go_backwards, Bidirectional, TimeDistributed, masked GlobalAveragePooling1D, MultiHeadAttention.

Inputs with `lengths` are padded at the end (0 for ids, `pad` for floats); ids drawn from 0 also
leave holes (id 0) in the middle of rows. No model output carries a mask (Keras would mask the loss).
"""
import keras

from layer_golden import Case, functional, seq

L = keras.layers

IDS = {"low": 0, "high": 9, "lengths": [8, 5, 3, 6]}  # padding at the end and holes (id 0)
IDS_NO_HOLES = {"low": 1, "high": 9, "lengths": [8, 5, 2, 6]}


def ids_input(steps=8, name="ids"):
    return keras.Input((steps,), dtype="int32", name=name)


# --- Embedding(mask_zero) and Masking --------------------------------------------------------


def embedding_gap():
    ids = ids_input()
    e = L.Embedding(9, 4, mask_zero=True)(ids)
    return functional(ids, L.Dense(2)(L.GlobalAveragePooling1D()(e)))


def embedding_gap_keepdims():
    """GlobalAveragePooling1D(keepdims) with a mask, then Flatten."""
    return seq((8,), L.Embedding(9, 3, mask_zero=True), L.GlobalAveragePooling1D(keepdims=True),
               L.Flatten(), L.Dense(2), dtype="int32")


def masking_lstm():
    """Masking on float input: the mask as op nodes NotEqual/Any, explicit mask= to the LSTM."""
    x = keras.Input((6, 3), name="x")
    m = L.Masking(0.0)(x)
    return functional(x, L.Dense(2)(L.LSTM(4)(m)))


def masking_value_simple_rnn():
    """Masking(0.5): padded steps hold 0.5 and come out as 0; SimpleRNN sequences into masked GAP."""
    return seq((6, 2), L.Masking(0.5), L.SimpleRNN(3, return_sequences=True),
               L.GlobalAveragePooling1D(), L.Dense(2))


def masking_holes_gru():
    """relu zeroes about half of the 1-feature steps: masked steps anywhere, also whole rows."""
    return seq((7, 1), L.Activation("relu"), L.Masking(), L.GRU(3, return_sequences=True),
               L.Flatten(), L.Dense(2))


def mask_through_layers():
    """Sequential: Dense, Dropout and Activation pass the mask on to the LSTM."""
    return seq((8,), L.Embedding(9, 4, mask_zero=True), L.Dense(5), L.Dropout(0.0),
               L.Activation("tanh"), L.LSTM(3), L.Dense(2), dtype="int32")


def mask_through_batchnorm():
    """BatchNormalization passes the mask on; in training Keras leaves masked steps out of the batch
    statistics, which tfbridge does not yet do: inference only."""
    return seq((8,), L.Embedding(9, 4, mask_zero=True), L.BatchNormalization(), L.LSTM(3),
               dtype="int32")


def mask_stops_at_conv():
    """Conv1D does not support masking: the LSTM after it sees no mask."""
    return seq((8,), L.Embedding(9, 4, mask_zero=True), L.Conv1D(3, 2, padding="same"),
               L.LSTM(3), dtype="int32")


def add_masks():
    """Add ORs its inputs' masks (a LogicalOr op node in the functional config)."""
    ids = ids_input()
    e = L.Embedding(9, 4, mask_zero=True)(ids)
    s = L.Add()([e, L.Dense(4)(e)])
    return functional(ids, L.GlobalAveragePooling1D()(s))


# --- recurrent layers with masks, go_backwards, zero_output_for_mask ---------------------------


def lstm_mask_sequences():
    """Masked steps repeat the previous output (zeros before the first unmasked step)."""
    return seq((8,), L.Embedding(9, 3, mask_zero=True), L.LSTM(4, return_sequences=True),
               L.Flatten(), L.Dense(2), dtype="int32")


def simple_rnn_zero_output():
    return seq((8,), L.Embedding(9, 3, mask_zero=True),
               L.SimpleRNN(3, return_sequences=True, zero_output_for_mask=True),
               L.Flatten(), L.Dense(2), dtype="int32")


def gru_backwards_mask():
    return seq((8,), L.Embedding(9, 3, mask_zero=True),
               L.GRU(4, return_sequences=True, go_backwards=True), L.Flatten(), dtype="int32")


def gru_reset_before_mask():
    return seq((8,), L.Embedding(9, 3, mask_zero=True), L.GRU(3, reset_after=False), L.Dense(2),
               dtype="int32")


def lstm_backwards_last():
    """go_backwards without a mask, last output; zero_output_for_mask on the last step."""
    return seq((5, 3), L.LSTM(4, go_backwards=True), L.Dense(2))


def lstm_zero_output_last():
    """zero_output_for_mask with return_sequences=False: zeros for rows whose last step is masked."""
    return seq((8,), L.Embedding(9, 3, mask_zero=True), L.LSTM(3, zero_output_for_mask=True),
               L.Dense(2), dtype="int32")


# --- Bidirectional -------------------------------------------------------------------------------


def text_classifier():
    """Embedding(mask_zero) -> Bidirectional(LSTM, sequences) -> Bidirectional(GRU) -> Dense."""
    ids = ids_input()
    e = L.Embedding(9, 5, mask_zero=True)(ids)
    h = L.Bidirectional(L.LSTM(4, return_sequences=True))(e)
    h = L.Bidirectional(L.GRU(3))(h)
    return functional(ids, L.Dense(2, activation="softmax")(h))


def bidirectional_modes():
    """sum, mul and ave, without masks; SimpleRNN and a GRU."""
    x = keras.Input((5, 3), name="x")
    a = L.Bidirectional(L.SimpleRNN(3, return_sequences=True), merge_mode="sum")(x)
    b = L.Bidirectional(L.GRU(3, return_sequences=True), merge_mode="mul")(a)
    c = L.Bidirectional(L.LSTM(2), merge_mode="ave")(b)
    return functional(x, c)


def bidirectional_backward_layer():
    """An explicit backward_layer of another class, with a mask, concat."""
    ids = ids_input()
    e = L.Embedding(9, 3, mask_zero=True)(ids)
    h = L.Bidirectional(L.LSTM(3, return_sequences=True),
                        backward_layer=L.GRU(3, return_sequences=True, go_backwards=True))(e)
    return functional(ids, L.Dense(2)(L.GlobalAveragePooling1D()(h)))


def bidirectional_sequential():
    """In a Sequential model the mask reaches Bidirectional through compute_mask, not op nodes."""
    return seq((8,), L.Embedding(9, 3, mask_zero=True),
               L.Bidirectional(L.LSTM(2, return_sequences=True)), L.Bidirectional(L.SimpleRNN(2)),
               L.Dense(2), dtype="int32")


# --- TimeDistributed -----------------------------------------------------------------------------


def time_distributed_dense():
    """TimeDistributed(Dense) passes the Embedding mask on to the masked pooling."""
    ids = ids_input()
    e = L.Embedding(9, 3, mask_zero=True)(ids)
    t = L.TimeDistributed(L.Dense(4, activation="relu"))(e)
    return functional(ids, L.GlobalAveragePooling1D()(t))


def time_distributed_conv1d():
    """TimeDistributed(Conv1D) on (batch, steps, length, channels)."""
    return seq((3, 6, 2), L.TimeDistributed(L.Conv1D(3, 3, strides=2, padding="same")),
               L.Flatten(), L.Dense(2))


# --- MultiHeadAttention --------------------------------------------------------------------------


def mha_self():
    x = keras.Input((5, 6), name="x")
    return functional(x, L.MultiHeadAttention(2, 3)(x, x))


def mha_cross_options():
    """query/value/key of different lengths and widths; value_dim, output_shape, no bias."""
    q = keras.Input((4, 5), name="q")
    v = keras.Input((6, 3), name="v")
    k = keras.Input((6, 2), name="k")
    mha = L.MultiHeadAttention(3, 2, value_dim=4, output_shape=7, use_bias=False)
    return functional([q, v, k], mha(q, v, k))


def mha_causal():
    x = keras.Input((5, 4), name="x")
    return functional(x, L.MultiHeadAttention(2, 3)(x, x, use_causal_mask=True))


def mha_masked_tokens():
    """Query and value masks from Embedding(mask_zero): padded queries attend uniformly (Keras)."""
    ids = ids_input()
    e = L.Embedding(9, 4, mask_zero=True)(ids)
    a = L.MultiHeadAttention(2, 3)(e, e)
    return functional(ids, L.Dense(2)(L.Flatten()(a)))


def mha_attention_mask():
    x = keras.Input((4, 3), name="x")
    m = keras.Input((4, 4), dtype="int32", name="m")
    return functional([x, m], L.MultiHeadAttention(2, 2)(x, x, attention_mask=m))


def mha_dropout():
    """dropout > 0 takes Keras's softmax path (masked rows are zeros); random in training."""
    ids = ids_input()
    e = L.Embedding(9, 4, mask_zero=True)(ids)
    a = L.MultiHeadAttention(2, 3, dropout=0.3)(e, e, use_causal_mask=True)
    return functional(ids, L.Flatten()(a))


def transformer_block():
    """Self-attention, Dropout, Add, BatchNormalization, feed-forward relu, pooling."""
    x = keras.Input((6, 8), name="x")
    a = L.MultiHeadAttention(2, 4)(x, x)
    h = L.BatchNormalization()(L.Add()([x, L.Dropout(0.0)(a)]))
    f = L.Dense(8)(L.Dense(12, activation="relu")(h))
    h = L.BatchNormalization()(L.Add()([h, f]))
    return functional(x, L.Dense(2)(L.GlobalAveragePooling1D()(h)))


CASES = [
    Case("seq_embedding_gap", embedding_gap, batch=4, x=[IDS_NO_HOLES]),
    Case("seq_embedding_gap_keepdims", embedding_gap_keepdims, batch=4, x=[IDS_NO_HOLES]),
    Case("seq_masking_lstm", masking_lstm, x=[{"lengths": [6, 3, 5]}]),
    Case("seq_masking_value_simple_rnn", masking_value_simple_rnn,
         x=[{"lengths": [6, 2, 4], "pad": 0.5}]),
    Case("seq_masking_holes_gru", masking_holes_gru, batch=4),
    Case("seq_mask_through_layers", mask_through_layers, batch=4, x=[IDS]),
    Case("seq_mask_through_batchnorm", mask_through_batchnorm, batch=4, x=[IDS], train=False,
         notes="Keras's masked batch statistics in training are not implemented"),
    Case("seq_mask_stops_at_conv", mask_stops_at_conv, batch=4, x=[IDS]),
    Case("seq_add_masks", add_masks, batch=4, x=[IDS_NO_HOLES]),
    Case("seq_lstm_mask_sequences", lstm_mask_sequences, batch=4, x=[IDS]),
    Case("seq_simple_rnn_zero_output", simple_rnn_zero_output, batch=4, x=[IDS]),
    Case("seq_gru_backwards_mask", gru_backwards_mask, batch=4, x=[IDS]),
    Case("seq_gru_reset_before_mask", gru_reset_before_mask, batch=4, x=[IDS]),
    Case("seq_lstm_backwards_last", lstm_backwards_last),
    Case("seq_lstm_zero_output_last", lstm_zero_output_last, batch=4, x=[IDS]),
    Case("seq_text_classifier", text_classifier, batch=4, x=[IDS]),
    Case("seq_bidirectional_modes", bidirectional_modes),
    Case("seq_bidirectional_backward_layer", bidirectional_backward_layer, batch=4,
         x=[IDS_NO_HOLES]),
    Case("seq_bidirectional_sequential", bidirectional_sequential, batch=4, x=[IDS]),
    Case("seq_time_distributed_dense", time_distributed_dense, batch=4, x=[IDS_NO_HOLES]),
    Case("seq_time_distributed_conv1d", time_distributed_conv1d),
    Case("seq_mha_self", mha_self),
    Case("seq_mha_cross_options", mha_cross_options),
    Case("seq_mha_causal", mha_causal),
    Case("seq_mha_masked_tokens", mha_masked_tokens, batch=4, x=[IDS]),
    Case("seq_mha_attention_mask", mha_attention_mask, x=[{}, {"low": 0, "high": 2}]),
    Case("seq_mha_dropout", mha_dropout, batch=4, x=[IDS], train=False),
    Case("seq_transformer_block", transformer_block, batch=4),
]


# --- Attention, AdditiveAttention ----------------------------------------------------------------


def attention_dot_scale():
    q = keras.Input((3, 4), name="q")
    v = keras.Input((5, 4), name="v")
    return functional([q, v], L.Attention(use_scale=True)([q, v]))


def attention_concat_causal():
    """score_mode concat with a scale and a separate key, causal."""
    q = keras.Input((4, 3), name="q")
    v = keras.Input((4, 2), name="v")
    k = keras.Input((4, 3), name="k")
    return functional([q, v, k], L.Attention(use_scale=True, score_mode="concat")(
        [q, v, k], use_causal_mask=True))


def attention_masked():
    """Query and value masks from Embedding(mask_zero): masked keys get -1e9, masked queries 0; the
    output mask comes back as a ConvertToTensor op node."""
    ids = ids_input()
    e = L.Embedding(9, 4, mask_zero=True)(ids)
    return functional(ids, L.GlobalAveragePooling1D()(L.Attention()([e, e])))


def additive_attention():
    q = keras.Input((3, 4), name="q")
    v = keras.Input((5, 4), name="v")
    a = L.AdditiveAttention()([q, v])
    return functional([q, v], L.AdditiveAttention(use_scale=False)([a, v, v]))


def attention_dropout():
    """dropout on the attention weights: random in training, inference only."""
    q = keras.Input((3, 4), name="q")
    v = keras.Input((5, 4), name="v")
    return functional([q, v], L.AdditiveAttention(dropout=0.4)([q, v]))


CASES += [
    Case("seq_attention_dot_scale", attention_dot_scale),
    Case("seq_attention_concat_causal", attention_concat_causal),
    Case("seq_attention_masked", attention_masked, batch=4, x=[IDS_NO_HOLES]),
    Case("seq_additive_attention", additive_attention),
    Case("seq_attention_dropout", attention_dropout, train=False),
]
