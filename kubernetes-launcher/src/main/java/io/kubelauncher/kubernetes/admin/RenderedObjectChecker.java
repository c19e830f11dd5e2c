package io.kubelauncher.kubernetes.admin;

import io.kubelauncher.kubernetes.admin.TemplateProblem.Check;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The structural checks of one rendered template (the admin guide's "valid YAML", "extra white
 * space", "pieces the Job Launcher needs, of the correct type" and "hard-coded values"), each
 * finding located on the template line that produced the offending output.
 */
final class RenderedObjectChecker {

    /** The container whose state the plugin reports as the launcher job's. */
    static final String JOB_CONTAINER = "rs-launcher-container";

    /** Which object a template renders; decided by the template's file name. */
    enum Kind {
        JOB("batch/v1", "Job"),
        SERVICE("v1", "Service");

        final String apiVersion;
        final String kind;

        Kind(String apiVersion, String kind) {
            this.apiVersion = apiVersion;
            this.kind = kind;
        }
    }

    List<TemplateProblem> check(String file, Kind kind, String template, String rendered, ExpectedJob expected) {
        Run run = new Run(file, TemplateLineMap.align(template, rendered));
        run.whitespace(rendered);
        Node root = run.parse(rendered);
        if (root != null) {
            At top = new At("", root, root.getStartMark().getLine() + 1);
            if (kind == Kind.JOB) {
                run.job(top, expected);
            } else {
                run.service(top, expected);
            }
        }
        return run.problems;
    }

    /** A node found at a path, with the rendered line of its key (where problems about it point). */
    private record At(String path, Node node, int renderedLine) {

        String child(String key) {
            String segment = key.matches("[A-Za-z0-9_-]+") ? key : "[\"" + key + "\"]";
            if (path.isEmpty()) {
                return segment;
            }
            return segment.startsWith("[") ? path + segment : path + "." + segment;
        }
    }

    /** The state of checking one rendering. */
    private static final class Run {
        private final String file;
        private final TemplateLineMap lines;
        private final List<TemplateProblem> problems = new ArrayList<>();

        Run(String file, TemplateLineMap lines) {
            this.file = file;
            this.lines = lines;
        }

        private void report(int renderedLine, Check check, String message) {
            problems.add(new TemplateProblem(file, lines.templateLine(renderedLine), check, message));
        }

        void whitespace(String rendered) {
            if (rendered.isBlank()) {
                return;
            }
            if (Character.isWhitespace(rendered.charAt(0))) {
                int firstContent = 1;
                for (int k = 0; k < rendered.length() && Character.isWhitespace(rendered.charAt(k)); k++) {
                    if (rendered.charAt(k) == '\n') {
                        firstContent++;
                    }
                }
                report(firstContent, Check.WHITESPACE, "the rendered YAML starts with white space before the object"
                        + " (a blank line or indentation); remove it or trim it with {{- ");
            }
            String body = rendered.endsWith("\n") ? rendered.substring(0, rendered.length() - 1) : rendered;
            if (!body.isEmpty() && Character.isWhitespace(body.charAt(body.length() - 1))) {
                int lastContent = 1;
                String content = body.stripTrailing();
                for (int k = 0; k < content.length(); k++) {
                    if (content.charAt(k) == '\n') {
                        lastContent++;
                    }
                }
                report(lastContent, Check.WHITESPACE, "the rendered YAML ends with extra white space after the object"
                        + " (blank lines or spaces); remove it or trim it with -}}");
            }
        }

        Node parse(String rendered) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(true); // reported below, with the line, rather than thrown
            List<Node> documents = new ArrayList<>();
            try {
                for (Node document : new Yaml(options).composeAll(new StringReader(rendered))) {
                    documents.add(document);
                }
            } catch (MarkedYAMLException e) {
                int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1
                        : e.getContextMark() != null ? e.getContextMark().getLine() + 1 : 1;
                String context = e.getContext() == null ? "" : e.getContext() + ": ";
                report(line, Check.YAML, "the rendered output is not valid YAML: " + context + e.getProblem());
                return null;
            } catch (YAMLException e) {
                report(1, Check.YAML, "the rendered output is not valid YAML: " + e.getMessage());
                return null;
            }
            if (documents.isEmpty()) {
                report(1, Check.YAML, "the template renders no YAML object");
                return null;
            }
            if (documents.size() > 1) {
                report(documents.get(1).getStartMark().getLine() + 1, Check.YAML, "the template renders "
                        + documents.size() + " YAML documents; it must render exactly one object");
                return null;
            }
            Node root = documents.get(0);
            if (!(root instanceof MappingNode)) {
                report(root.getStartMark().getLine() + 1, Check.YAML,
                        "the rendered YAML must be a mapping (an object), found " + describe(root));
                return null;
            }
            duplicateKeys(root, "");
            return root;
        }

        private void duplicateKeys(Node node, String path) {
            if (node instanceof MappingNode mapping) {
                Set<String> seen = new HashSet<>();
                for (NodeTuple tuple : mapping.getValue()) {
                    String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
                    String childPath = new At(path, node, 0).child(String.valueOf(key));
                    if (key != null && !seen.add(key)) {
                        report(tuple.getKeyNode().getStartMark().getLine() + 1, Check.YAML,
                                "duplicate key " + childPath + "; only one of them would reach Kubernetes");
                    }
                    duplicateKeys(tuple.getValueNode(), childPath);
                }
            } else if (node instanceof SequenceNode sequence) {
                List<Node> items = sequence.getValue();
                for (int k = 0; k < items.size(); k++) {
                    duplicateKeys(items.get(k), path + "[" + k + "]");
                }
            }
        }

        void job(At root, ExpectedJob expected) {
            hardString(root, "apiVersion", Kind.JOB.apiVersion);
            hardString(root, "kind", Kind.JOB.kind);
            At metadata = mapping(root, "metadata", true);
            if (metadata != null) {
                nonEmptyString(metadata, "generateName", "Kubernetes names the Job from it");
                objectLabels(metadata, expected);
                stringValues(mapping(metadata, "annotations", false), "annotation");
            }
            At spec = mapping(root, "spec", true);
            if (spec == null) {
                return;
            }
            hardInteger(spec, "backoffLimit", 0, "a launcher job runs once; retries would run it again");
            At template = mapping(spec, "template", true);
            if (template == null) {
                return;
            }
            At podMetadata = mapping(template, "metadata", true);
            if (podMetadata != null) {
                podAnnotations(mapping(podMetadata, "annotations", true), podMetadata, expected);
                At podLabels = mapping(podMetadata, "labels", expected.instanceId() != null);
                if (podLabels != null && expected.instanceId() != null) {
                    readBack(podLabels, "launcher-instance-id", expected.instanceId(),
                            "the plugin tells its own pods from other instances' by it");
                }
                stringValues(podLabels, "label");
            }
            At podSpec = mapping(template, "spec", true);
            if (podSpec != null) {
                hardString(podSpec, "restartPolicy", "Never");
                containers(podSpec, expected);
                At share = find(podSpec, "shareProcessNamespace");
                if (share != null && !isScalar(share.node(), Tag.BOOL)) {
                    report(share.renderedLine(), Check.REQUIRED, share.path() + " must be a boolean (true or false), found "
                            + describe(share.node()));
                }
            }
        }

        private void objectLabels(At metadata, ExpectedJob expected) {
            At labels = mapping(metadata, "labels", true);
            if (labels == null) {
                return;
            }
            hardString(labels, "app.kubernetes.io/managed-by", "launcher");
            if (expected.instanceId() != null) {
                readBack(labels, "launcher-instance-id", expected.instanceId(),
                        "the plugin tells its own objects from other instances' by it");
            }
            stringValues(labels, "label");
        }

        private void podAnnotations(At annotations, At parent, ExpectedJob expected) {
            if (annotations == null) {
                return;
            }
            readBack(annotations, "user", expected.user(), "the plugin reads the job's owner from it");
            readBack(annotations, "name", expected.name(), "the plugin reads the job's name from it");
            readBack(annotations, "stdin", expected.stdin(), "the plugin reads the job's stdin from it");
            readBack(annotations, "service_ports", expected.servicePortsJson(),
                    "the plugin recreates the job's Service from it after a restart");
            if (expected.hasMetadata()) {
                nonEmptyString(annotations, "user_metadata", "the plugin reads the job's metadata from it");
            }
            List<String> tags = expected.tags();
            for (int k = 0; k < tags.size(); k++) {
                readBack(annotations, "USER_TAG_" + k, tags.get(k), "the plugin reads the job's tags from them");
            }
            stringValues(annotations, "annotation");
        }

        private void containers(At podSpec, ExpectedJob expected) {
            At containers = find(podSpec, "containers");
            if (containers == null) {
                report(podSpec.renderedLine(), Check.REQUIRED, podSpec.child("containers") + " is missing; the job needs"
                        + " its container " + JOB_CONTAINER);
                return;
            }
            if (!(containers.node() instanceof SequenceNode list)) {
                report(containers.renderedLine(), Check.REQUIRED, containers.path() + " must be a list, found "
                        + describe(containers.node()));
                return;
            }
            for (int k = 0; k < list.getValue().size(); k++) {
                Node item = list.getValue().get(k);
                At container = new At(containers.path() + "[" + k + "]", item, item.getStartMark().getLine() + 1);
                if (!(item instanceof MappingNode)) {
                    report(container.renderedLine(), Check.REQUIRED, container.path() + " must be a mapping, found "
                            + describe(item));
                    continue;
                }
                At name = find(container, "name");
                if (name != null && isScalar(name.node(), Tag.STR)
                        && JOB_CONTAINER.equals(((ScalarNode) name.node()).getValue())) {
                    readBack(container, "image", expected.image(), "it is the image the job asked for");
                    At command = find(container, "command");
                    if (command != null && !(command.node() instanceof SequenceNode)) {
                        report(command.renderedLine(), Check.REQUIRED, command.path() + " must be a list, found "
                                + describe(command.node()));
                    }
                    return;
                }
            }
            report(containers.renderedLine(), Check.REQUIRED, "no container named " + JOB_CONTAINER + " in "
                    + containers.path() + "; the plugin reports the job's state and output from it");
        }

        void service(At root, ExpectedJob expected) {
            hardString(root, "apiVersion", Kind.SERVICE.apiVersion);
            hardString(root, "kind", Kind.SERVICE.kind);
            At metadata = mapping(root, "metadata", true);
            if (metadata != null) {
                if (expected.serviceName() != null) {
                    readBack(metadata, "name", expected.serviceName(), "the plugin finds the job's Service by it");
                } else {
                    nonEmptyString(metadata, "name", "Kubernetes requires it");
                }
                At labels = mapping(metadata, "labels", true);
                if (labels != null) {
                    hardString(labels, "app.kubernetes.io/managed-by", "launcher");
                    readBack(labels, "job-name", expected.id(), "the plugin finds a job's Service by it");
                    if (expected.instanceId() != null) {
                        readBack(labels, "launcher-instance-id", expected.instanceId(),
                                "the plugin tells its own objects from other instances' by it");
                    }
                    stringValues(labels, "label");
                }
                stringValues(mapping(metadata, "annotations", false), "annotation");
            }
            At spec = mapping(root, "spec", true);
            if (spec == null) {
                return;
            }
            At selector = mapping(spec, "selector", true);
            if (selector != null) {
                readBack(selector, "job-name", expected.id(), "it routes the Service to the job's pod");
            }
            ports(spec, expected);
        }

        private void ports(At spec, ExpectedJob expected) {
            At ports = find(spec, "ports");
            if (expected.servicePortCount() == 0 && (ports == null || isScalar(ports.node(), Tag.NULL))) {
                return;
            }
            if (ports == null) {
                report(spec.renderedLine(), Check.REQUIRED, spec.child("ports") + " is missing; the Service exposes"
                        + " the job's ports");
                return;
            }
            if (!(ports.node() instanceof SequenceNode list)) {
                report(ports.renderedLine(), Check.REQUIRED, ports.path() + " must be a list, found "
                        + describe(ports.node()));
                return;
            }
            if (list.getValue().size() != expected.servicePortCount()) {
                report(ports.renderedLine(), Check.REQUIRED, ports.path() + " has " + list.getValue().size()
                        + " entries but the test job exposes " + expected.servicePortCount() + " port(s)");
            }
            for (int k = 0; k < list.getValue().size(); k++) {
                Node item = list.getValue().get(k);
                At port = new At(ports.path() + "[" + k + "]", item, item.getStartMark().getLine() + 1);
                if (!(item instanceof MappingNode)) {
                    report(port.renderedLine(), Check.REQUIRED, port.path() + " must be a mapping, found " + describe(item));
                    continue;
                }
                At number = find(port, "port");
                if (number == null) {
                    report(port.renderedLine(), Check.REQUIRED, port.child("port") + " is missing");
                } else if (!isScalar(number.node(), Tag.INT)) {
                    report(number.renderedLine(), Check.REQUIRED, number.path() + " must be an integer, found "
                            + describe(number.node()));
                }
                At target = find(port, "targetPort");
                if (target != null && !isScalar(target.node(), Tag.INT) && !isScalar(target.node(), Tag.STR)) {
                    report(target.renderedLine(), Check.REQUIRED, target.path()
                            + " must be an integer or a port name, found " + describe(target.node()));
                }
                At protocol = find(port, "protocol");
                if (protocol != null && !isScalar(protocol.node(), Tag.STR)) {
                    report(protocol.renderedLine(), Check.REQUIRED, protocol.path() + " must be a string, found "
                            + describe(protocol.node()));
                }
            }
        }

        // --- building blocks -------------------------------------------------------------------

        private static At find(At parent, String key) {
            if (!(parent.node() instanceof MappingNode mapping)) {
                return null;
            }
            At found = null;
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode s && key.equals(s.getValue())) {
                    // Last one wins, as in the API server's decoding; duplicates are reported apart.
                    found = new At(parent.child(key), tuple.getValueNode(), s.getStartMark().getLine() + 1);
                }
            }
            return found;
        }

        /**
         * The mapping under {@code key}; an empty value ({@code annotations:} with nothing under it)
         * counts as an empty mapping. Returns null (after reporting, when required) if absent.
         */
        private At mapping(At parent, String key, boolean required) {
            At at = find(parent, key);
            if (at == null) {
                if (required) {
                    report(parent.renderedLine(), Check.REQUIRED, parent.child(key) + " is missing");
                }
                return null;
            }
            if (at.node() instanceof MappingNode || isScalar(at.node(), Tag.NULL)) {
                return at;
            }
            report(at.renderedLine(), Check.REQUIRED, at.path() + " must be a mapping, found " + describe(at.node()));
            return null;
        }

        private ScalarNode string(At parent, String key, Check check, String why) {
            At at = find(parent, key);
            if (at == null) {
                report(parent.renderedLine(), check, parent.child(key) + " is missing; " + why);
                return null;
            }
            if (!isScalar(at.node(), Tag.STR)) {
                report(at.renderedLine(), check, at.path() + " must be a string, found " + describe(at.node())
                        + "; quote it or render it with toYaml");
                return null;
            }
            return (ScalarNode) at.node();
        }

        private void nonEmptyString(At parent, String key, String why) {
            ScalarNode value = string(parent, key, Check.REQUIRED, why);
            if (value != null && value.getValue().isEmpty()) {
                report(value.getStartMark().getLine() + 1, Check.REQUIRED, parent.child(key) + " is empty; " + why);
            }
        }

        /** A string the plugin reads back later, which must hold exactly the job's value. */
        private void readBack(At parent, String key, String expected, String why) {
            ScalarNode value = string(parent, key, Check.REQUIRED, why);
            if (value != null && expected != null && !expected.equals(value.getValue())) {
                report(value.getStartMark().getLine() + 1, Check.REQUIRED, parent.child(key) + " renders as "
                        + quote(value.getValue()) + " but the test job's value is " + quote(expected) + "; " + why);
            }
        }

        private void hardString(At parent, String key, String expected) {
            ScalarNode value = string(parent, key, Check.HARD_CODED, "it must be " + expected);
            if (value != null && !expected.equals(value.getValue())) {
                report(value.getStartMark().getLine() + 1, Check.HARD_CODED, parent.child(key) + " must be "
                        + expected + ", found " + quote(value.getValue()));
            }
        }

        private void hardInteger(At parent, String key, long expected, String why) {
            At at = find(parent, key);
            if (at == null) {
                report(parent.renderedLine(), Check.HARD_CODED, parent.child(key) + " is missing; it must be "
                        + expected + ": " + why);
                return;
            }
            if (!isScalar(at.node(), Tag.INT) || !Objects.equals(parseLong(((ScalarNode) at.node()).getValue()), expected)) {
                report(at.renderedLine(), Check.HARD_CODED, at.path() + " must be " + expected + ", found "
                        + describe(at.node()) + ": " + why);
            }
        }

        /** Kubernetes accepts only strings as label and annotation values. */
        private void stringValues(At mapping, String what) {
            if (mapping == null || !(mapping.node() instanceof MappingNode node)) {
                return;
            }
            for (NodeTuple tuple : node.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : describe(tuple.getKeyNode());
                Node value = tuple.getValueNode();
                if (!isScalar(value, Tag.STR)) {
                    report(tuple.getKeyNode().getStartMark().getLine() + 1, Check.REQUIRED, what + " "
                            + mapping.child(key) + " must be a string (Kubernetes accepts only strings here), found "
                            + describe(value) + "; quote it or render it with toYaml");
                }
            }
        }

        private static Long parseLong(String value) {
            try {
                return Long.decode(value.replace("_", ""));
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private static boolean isScalar(Node node, Tag tag) {
            return node instanceof ScalarNode && tag.equals(node.getTag());
        }

        private static String quote(String s) {
            return "'" + s.replace("\n", "\\n") + "'";
        }

        private static String describe(Node node) {
            if (node instanceof MappingNode) {
                return "a mapping";
            }
            if (node instanceof SequenceNode) {
                return "a list";
            }
            ScalarNode scalar = (ScalarNode) node;
            Tag tag = scalar.getTag();
            String type = Tag.STR.equals(tag) ? "the string" : Tag.INT.equals(tag) ? "the integer"
                    : Tag.FLOAT.equals(tag) ? "the number" : Tag.BOOL.equals(tag) ? "the boolean"
                    : Tag.NULL.equals(tag) ? "an empty value" : "the value";
            return Tag.NULL.equals(tag) ? type : type + " " + quote(scalar.getValue());
        }
    }
}
