package org.collapsesim.sweep;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.serializer.KryoRegistrator;

/**
 * Registers every class of ours that Spark serializes with Kryo, which runs with {@code
 * spark.kryo.registrationRequired=true} so that an unregistered class fails loudly instead of
 * silently costing its class name in every record. Kryo 4 (Spark's) cannot build Java records with
 * its default serializer, hence one small serializer per record.
 */
public final class SweepKryoRegistrator implements KryoRegistrator {

  /** The Spark settings that turn Kryo on with this registrator. */
  public static final java.util.Map<String, String> SPARK_CONF =
      java.util.Map.of(
          "spark.serializer", "org.apache.spark.serializer.KryoSerializer",
          "spark.kryo.registrationRequired", "true",
          "spark.kryo.registrator", SweepKryoRegistrator.class.getName());

  @Override
  public void registerClasses(Kryo kryo) {
    kryo.register(ChainBatch.class, new ChainBatchSerializer());
    kryo.register(ChainBatch[].class);
    kryo.register(SweepSource.class, new SweepSourceSerializer());
    kryo.register(SweepSource[].class);
    kryo.register(int[].class);
    kryo.register(long[].class);
    kryo.register(double[].class);
    kryo.register(String[].class);
    kryo.register(Object[].class);
    kryo.register(byte[][].class);
    for (String name : SPARK_CLASSES) {
      try {
        kryo.register(Class.forName(name, false, Thread.currentThread().getContextClassLoader()));
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(
            "Spark class " + name + " is gone: update the Kryo registrations", e);
      }
    }
  }

  /**
   * Spark's own classes that its Kryo registrations (KryoSerializer.toRegister) leave out but that
   * a sweep ships: results of collect/toLocalIterator, file-write commit messages, SQL rows.
   */
  private static final String[] SPARK_CLASSES = {
    "org.apache.spark.util.io.ChunkedByteBuffer",
    "[Lorg.apache.spark.util.io.ChunkedByteBuffer;",
    "org.apache.spark.sql.catalyst.InternalRow",
    "[Lorg.apache.spark.sql.catalyst.InternalRow;",
    "org.apache.spark.sql.catalyst.expressions.UnsafeRow",
    "[Lorg.apache.spark.sql.catalyst.expressions.UnsafeRow;",
    "org.apache.spark.sql.catalyst.expressions.GenericInternalRow",
    "org.apache.spark.sql.execution.datasources.WriteTaskResult",
    "org.apache.spark.sql.execution.datasources.BasicWriteTaskStats",
    "org.apache.spark.sql.execution.datasources.ExecutedWriteSummary",
    "org.apache.spark.internal.io.FileCommitProtocol$TaskCommitMessage",
    "scala.collection.immutable.Set$EmptySet$",
    "scala.collection.immutable.Map$EmptyMap$",
    "scala.collection.immutable.Nil$",
    "scala.reflect.ClassTag$GenericClassTag",
  };

  /** {@link ChainBatch}: four fields. */
  static final class ChainBatchSerializer extends Serializer<ChainBatch> {
    @Override
    public void write(Kryo kryo, Output out, ChainBatch b) {
      out.writeInt(b.attempt());
      out.writeInt(b.task());
      out.writeInt(b.cellIndex());
      int[] replicates = b.replicates();
      out.writeInt(replicates.length, true);
      out.writeInts(replicates);
    }

    @Override
    public ChainBatch read(Kryo kryo, Input in, Class<ChainBatch> type) {
      int attempt = in.readInt();
      int task = in.readInt();
      int cell = in.readInt();
      int n = in.readInt(true);
      return new ChainBatch(attempt, task, cell, in.readInts(n));
    }
  }

  /** {@link SweepSource}: the config text, its folder, the --set list and the hash. */
  static final class SweepSourceSerializer extends Serializer<SweepSource> {
    @Override
    public void write(Kryo kryo, Output out, SweepSource s) {
      out.writeString(s.yamlText());
      out.writeString(s.baseDir());
      out.writeInt(s.sets().size(), true);
      for (String set : s.sets()) {
        out.writeString(set);
      }
      out.writeString(s.configHash());
    }

    @Override
    public SweepSource read(Kryo kryo, Input in, Class<SweepSource> type) {
      String yaml = in.readString();
      String baseDir = in.readString();
      int n = in.readInt(true);
      List<String> sets = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        sets.add(in.readString());
      }
      return new SweepSource(yaml, baseDir, sets, in.readString());
    }
  }
}
