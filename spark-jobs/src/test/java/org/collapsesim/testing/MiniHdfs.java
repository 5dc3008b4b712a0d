package org.collapsesim.testing;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/** A real HDFS for the tests: a MiniDFSCluster (one NameNode, one DataNode) on 127.0.0.1. */
public final class MiniHdfs {

  private MiniHdfs() {}

  /** Starts one in {@code dir}, every server bound to the loopback address on a free port. */
  public static MiniDFSCluster start(Path dir) throws IOException {
    Configuration conf = new Configuration();
    conf.set("dfs.namenode.rpc-bind-host", "127.0.0.1");
    conf.set("dfs.datanode.address", "127.0.0.1:0");
    conf.set("dfs.datanode.http.address", "127.0.0.1:0");
    conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
    conf.set("dfs.namenode.http-address", "127.0.0.1:0");
    MiniDFSCluster hdfs = new MiniDFSCluster.Builder(conf, dir.toFile()).numDataNodes(1).build();
    hdfs.waitActive();
    return hdfs;
  }

  /** {@code hdfs://127.0.0.1:PORT/path} on {@code hdfs}. */
  public static String uri(MiniDFSCluster hdfs, String path) {
    return "hdfs://127.0.0.1:" + hdfs.getNameNodePort() + path;
  }
}
