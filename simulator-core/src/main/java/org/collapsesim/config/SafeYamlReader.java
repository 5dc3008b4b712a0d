package org.collapsesim.config;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Loads YAML into plain values (maps, lists, strings, numbers, booleans, null) and nothing else
 * (README, Configuration: no object construction from tags, alias expansion bounded).
 *
 * <p>SnakeYAML composes the node tree with bounded aliases, nesting and size; the tree is then
 * walked here rather than handed to a constructor, so that every refusal becomes a {@link
 * ConfigProblem} with the key path where it happened: tags other than the plain YAML ones ({@code
 * !!javax.script.ScriptEngineManager}, {@code !!timestamp}, {@code !!binary}, global {@code
 * !tags}), duplicate keys, merge keys ({@code <<}), non-scalar keys and recursive aliases. Scalars
 * are resolved by SnakeYAML's {@link SafeConstructor} (YAML 1.1 ints, floats, booleans).
 */
final class SafeYamlReader {

  /**
   * Aliases to collections allowed per document: enough for reuse, too few for a billion laughs.
   */
  static final int MAX_ALIASES_FOR_COLLECTIONS = 50;

  /** Code points per document; a sweep definition is a page, a list schedule a few pages. */
  static final int CODE_POINT_LIMIT = 4 * 1024 * 1024;

  private static final Set<Tag> SCALAR_TAGS =
      Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL);

  private final ScalarConstructor scalars;
  private final Yaml yaml;

  /** When non-null, every problem is reported under this path (used for {@code --set} values). */
  private final String fixedPath;

  private final List<ConfigProblem> problems;
  private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());

  private SafeYamlReader(String fixedPath, List<ConfigProblem> problems) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(MAX_ALIASES_FOR_COLLECTIONS);
    options.setAllowRecursiveKeys(false);
    options.setCodePointLimit(CODE_POINT_LIMIT);
    options.setMergeOnCompose(false);
    // The composer only records tags; convert() refuses every non-plain tag with its key path,
    // which a refusal by the inspector (thrown from the composer) could not give.
    options.setTagInspector(tag -> true);
    this.scalars = new ScalarConstructor(options);
    DumperOptions dumperOptions = new DumperOptions();
    this.yaml = new Yaml(scalars, new Representer(dumperOptions), dumperOptions, options);
    this.fixedPath = fixedPath;
    this.problems = problems;
  }

  /**
   * Reads one YAML document.
   *
   * @param text the YAML text
   * @param fixedPath if non-null, the path every problem is reported under; otherwise problems
   *     carry the key path inside the document ({@code yaml} for syntax errors)
   * @param problems where problems are added
   * @return the value (a {@code LinkedHashMap} for a mapping, keys in document order), or null for
   *     an empty document or after adding problems
   */
  static Object read(String text, String fixedPath, List<ConfigProblem> problems) {
    return new SafeYamlReader(fixedPath, problems).read(text);
  }

  private Object read(String text) {
    Node root;
    try {
      root = yaml.compose(new StringReader(text));
    } catch (YAMLException e) {
      problems.add(
          new ConfigProblem(
              fixedPath == null ? "yaml" : fixedPath,
              "not valid YAML: " + e.getMessage().replaceAll("\\s+", " ").trim()));
      return null;
    }
    if (root == null) {
      return null;
    }
    int before = problems.size();
    Object value = convert(root, "");
    return problems.size() == before ? value : null;
  }

  private Object convert(Node node, String path) {
    if (!inProgress.add(node)) {
      problem(
          path, "an alias refers to a collection that contains it (recursive YAML is not allowed)");
      return null;
    }
    try {
      if (node instanceof ScalarNode scalar) {
        return convertScalar(scalar, path);
      }
      if (node instanceof SequenceNode sequence) {
        if (!Tag.SEQ.equals(sequence.getTag())) {
          return refuseTag(node, path);
        }
        List<Object> list = new ArrayList<>(sequence.getValue().size());
        for (int i = 0; i < sequence.getValue().size(); i++) {
          list.add(convert(sequence.getValue().get(i), path + "[" + i + "]"));
        }
        return list;
      }
      MappingNode mapping = (MappingNode) node;
      if (!Tag.MAP.equals(mapping.getTag())) {
        return refuseTag(node, path);
      }
      Map<String, Object> map = new LinkedHashMap<>();
      Map<String, Integer> lines = new LinkedHashMap<>();
      for (NodeTuple tuple : mapping.getValue()) {
        Node keyNode = tuple.getKeyNode();
        if (!(keyNode instanceof ScalarNode keyScalar)) {
          problem(
              path,
              "a key at line " + line(keyNode) + " is a list or map; keys must be plain words");
          continue;
        }
        if (Tag.MERGE.equals(keyNode.getTag())) {
          problem(
              path,
              "merge keys (<<) are not supported (line " + line(keyNode) + "); write the keys out");
          continue;
        }
        if (!SCALAR_TAGS.contains(keyNode.getTag())) {
          refuseTag(keyNode, path);
          continue;
        }
        String key = keyScalar.getValue();
        String childPath = path.isEmpty() ? key : path + "." + key;
        Integer firstLine = lines.putIfAbsent(key, line(keyNode));
        if (firstLine != null) {
          problem(
              childPath,
              "duplicate key at line " + line(keyNode) + " (first at line " + firstLine + ")");
          continue;
        }
        map.put(key, convert(tuple.getValueNode(), childPath));
      }
      return map;
    } finally {
      inProgress.remove(node);
    }
  }

  private Object convertScalar(ScalarNode scalar, String path) {
    if (!SCALAR_TAGS.contains(scalar.getTag())) {
      return refuseTag(scalar, path);
    }
    try {
      return scalars.value(scalar);
    } catch (YAMLException | NumberFormatException e) {
      problem(
          path,
          ValueParsers.show(scalar.getValue())
              + " cannot be read as "
              + tagName(scalar.getTag())
              + " ("
              + e.getMessage()
              + ")");
      return null;
    }
  }

  private Object refuseTag(Node node, String path) {
    problem(
        path,
        "tag "
            + tagName(node.getTag())
            + " at line "
            + line(node)
            + " is not allowed (plain YAML only: maps, lists, strings, numbers, booleans)");
    return null;
  }

  private void problem(String path, String message) {
    String where = fixedPath != null ? fixedPath : path.isEmpty() ? "config" : path;
    problems.add(new ConfigProblem(where, message));
  }

  private static int line(Node node) {
    return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
  }

  private static String tagName(Tag tag) {
    String value = tag.getValue();
    return value.startsWith(Tag.PREFIX) ? "!!" + value.substring(Tag.PREFIX.length()) : value;
  }

  /** SnakeYAML's safe constructors for the plain scalar tags, nothing else. */
  private static final class ScalarConstructor extends SafeConstructor {
    ScalarConstructor(LoaderOptions options) {
      super(options);
    }

    Object value(ScalarNode node) {
      return yamlConstructors.get(node.getTag()).construct(node);
    }
  }
}
