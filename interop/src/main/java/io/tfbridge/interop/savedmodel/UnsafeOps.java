package io.tfbridge.interop.savedmodel;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.NodeDef;

/**
 * The TensorFlow ops a served model must not run unless its user says so, each with its reason, in
 * one place: a SavedModel is a program, and these ops reach outside the tensors it is given (files,
 * the network, the process). {@link SavedModelSafety} refuses a SavedModel whose graph or function
 * library holds one, naming the op and where it is, before TensorFlow loads any of it; the
 * checkpoint ops of the SavedModel's own saver (what the loader runs to restore the variables) are
 * the exception.
 *
 * <pre>{@code
 * Optional<String> why = UnsafeOps.reason(node);   // e.g. "writes any file"
 * }</pre>
 */
public final class UnsafeOps {
  /** Whether a load refuses unsafe ops (the default) or runs them. */
  public enum Policy {
    /** Refuse a model holding an unsafe op (the default). */
    REFUSE,
    /** Load it anyway: the caller trusts the model ({@code --allow_unsafe_ops}). */
    ALLOW
  }

  private static final Map<String, String> OPS = new TreeMap<>();

  static {
    add("reads any file", "ReadFile", "ImmutableConst", "WholeFileReader", "WholeFileReaderV2",
        "TextLineReader", "TextLineReaderV2", "TFRecordReader", "TFRecordReaderV2",
        "FixedLengthRecordReader", "FixedLengthRecordReaderV2", "LMDBReader", "IdentityReader",
        "IdentityReaderV2", "InitializeTableFromTextFile", "InitializeTableFromTextFileV2",
        "LoadAndRemapMatrix", "GenerateVocabRemapping");
    add("writes any file", "WriteFile", "CreateSummaryFileWriter", "CreateSummaryDbWriter",
        "DatasetToTFRecord", "ExperimentalDatasetToTFRecord", "SaveDataset", "SaveDatasetV2",
        "DistributedSave");
    add("lists files by pattern", "MatchingFiles", "MatchingFilesDataset",
        "ExperimentalMatchingFilesDataset");
    add("reads or writes checkpoint files (only the SavedModel's own saver may)", "Save",
        "SaveV2", "SaveSlices", "Restore", "RestoreV2", "RestoreSlice", "MergeV2Checkpoints");
    add("reads files as a dataset", "TFRecordDataset", "TFRecordDatasetV2", "TextLineDataset",
        "FixedLengthRecordDataset", "FixedLengthRecordDatasetV2", "CSVDataset", "CSVDatasetV2",
        "ExperimentalCSVDataset", "LMDBDataset", "ExperimentalLMDBDataset", "SnapshotDataset",
        "SnapshotDatasetV2", "LoadDataset", "ExperimentalLoadDataset", "SqlDataset",
        "ExperimentalSqlDataset");
    add("calls back into a Python interpreter", "PyFunc", "PyFuncStateless", "EagerPyFunc");
    add("talks to other processes over the network", "DataServiceDataset",
        "DataServiceDatasetV2", "DataServiceDatasetV3", "DataServiceDatasetV4", "Rpc", "TryRpc",
        "RpcServer", "RpcClient", "RpcCall", "RpcServerStart", "RpcServerRegister",
        "CollectiveReduce", "CollectiveReduceV2", "CollectiveReduceV3", "CollectiveGather",
        "CollectiveGatherV2", "CollectiveBcastSend", "CollectiveBcastRecv",
        "CollectiveBcastSendV2", "CollectiveBcastRecvV2", "CollectiveAllToAllV2",
        "CollectiveAllToAllV3", "DebugIdentity", "DebugIdentityV2", "DebugIdentityV3",
        "DebugNanCount", "DebugNumericSummary", "DebugNumericSummaryV2");
    add("ends the process", "Abort");
  }

  private UnsafeOps() {}

  private static void add(String reason, String... ops) {
    for (String op : ops) {
      OPS.put(op, reason);
    }
  }

  /** Every unsafe op type with its reason, sorted by op (for docs and error messages). */
  public static Map<String, String> all() {
    return java.util.Collections.unmodifiableMap(OPS);
  }

  /** Whether {@code op} is one of the checkpoint ops a SavedModel's saver uses. */
  static boolean isCheckpointOp(String op) {
    return OPS.get(op) != null && OPS.get(op).startsWith("reads or writes checkpoint");
  }

  /**
   * Why {@code node} is unsafe, or empty: its op is listed, or it prints to a file
   * ({@code PrintV2} with an {@code output_stream} of {@code file://...}) or reads a proto
   * descriptor from a file ({@code DecodeProtoV2}/{@code EncodeProto} with a
   * {@code descriptor_source} other than {@code local://}).
   */
  public static Optional<String> reason(NodeDef node) {
    String listed = OPS.get(node.getOp());
    if (listed != null) {
      return Optional.of(listed);
    }
    if (node.getOp().equals("PrintV2") && string(node, "output_stream").startsWith("file://")) {
      return Optional.of("prints to a file (" + string(node, "output_stream") + ")");
    }
    boolean proto = node.getOp().equals("DecodeProtoV2") || node.getOp().equals("EncodeProto");
    String source = string(node, "descriptor_source");
    if (proto && !source.isEmpty() && !source.equals("local://")) {
      return Optional.of("reads a proto descriptor from a file (" + source + ")");
    }
    return Optional.empty();
  }

  private static String string(NodeDef node, String attr) {
    AttrValue value = node.getAttrMap().get(attr);
    return value == null ? "" : value.getS().toStringUtf8();
  }
}
