package io.mlgates.shim.reference;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * reference.txt parsed as its README describes: one block per class, keyed by binary name, each line with its tags
 * ({@code @deprecated}, {@code @restricted}, {@code @beta}) stripped and remembered.
 */
public final class ReferenceList {
    private static final Pattern TRAILING_TAG = Pattern.compile(" @(deprecated|restricted|beta)$");

    private final Map<String, Block> blocks;

    private ReferenceList(Map<String, Block> blocks) {
        this.blocks = Collections.unmodifiableMap(blocks);
    }

    public static ReferenceList read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    public static ReferenceList parse(List<String> lines) {
        Map<String, Block> blocks = new LinkedHashMap<>();
        Block current = null;
        for (String raw : lines) {
            if (raw.startsWith("#")) {
                continue;
            }
            if (raw.isBlank()) {
                current = null;
                continue;
            }
            Tagged line = Tagged.of(raw);
            if (line.text().startsWith("class ")) {
                current = new Block(line.text(), line.tags());
                if (blocks.putIfAbsent(current.name(), current) != null) {
                    throw new IllegalArgumentException("a class listed twice: " + raw);
                }
            } else if (current == null) {
                throw new IllegalArgumentException("line outside a class block: " + raw);
            } else if (line.text().startsWith("extends ")) {
                current.superclass = line.text().substring("extends ".length());
            } else if (line.text().startsWith("implements ")) {
                current.interfaces.add(line.text().substring("implements ".length()));
            } else if (line.text().startsWith("meta ")) {
                current.meta.add(line.text().substring("meta ".length()));
            } else {
                current.members.putIfAbsent(line.text(), line.tags());
            }
        }
        return new ReferenceList(blocks);
    }

    public Optional<Block> block(String binaryName) {
        return Optional.ofNullable(blocks.get(binaryName));
    }

    public int size() {
        return blocks.size();
    }

    /** True when some block names the type on its extends or implements line, or as a meta-annotation. */
    public boolean namesAsSupertypeOrMeta(String binaryName) {
        for (Block b : blocks.values()) {
            if (b.superclass != null && erasure(b.superclass).equals(binaryName)) {
                return true;
            }
            if (b.interfaces.stream().anyMatch(i -> erasure(i).equals(binaryName))) {
                return true;
            }
            if (b.meta.stream().anyMatch(m -> m.equals("@" + binaryName) || m.startsWith("@" + binaryName + "("))) {
                return true;
            }
        }
        return false;
    }

    static String erasure(String type) {
        int lt = type.indexOf('<');
        return lt < 0 ? type : type.substring(0, lt);
    }

    /** A line without its trailing tags. */
    record Tagged(String text, Set<String> tags) {
        static Tagged of(String raw) {
            String text = raw;
            Set<String> tags = new LinkedHashSet<>();
            for (Matcher m = TRAILING_TAG.matcher(text); m.find(); m = TRAILING_TAG.matcher(text)) {
                tags.add(m.group(1));
                text = text.substring(0, m.start());
            }
            return new Tagged(text, Set.copyOf(tags));
        }
    }

    /** One class of the reference: header lines and declared members with their tags. */
    public static final class Block {
        private final String classLine;
        private final Set<String> classTags;
        private final String name;
        private String superclass;
        private final List<String> interfaces = new ArrayList<>();
        private final List<String> meta = new ArrayList<>();
        private final Map<String, Set<String>> members = new LinkedHashMap<>();

        Block(String classLine, Set<String> classTags) {
            this.classLine = classLine;
            this.classTags = classTags;
            String head = classLine.contains("<") ? classLine.substring(0, classLine.indexOf('<')) : classLine;
            this.name = head.substring(head.lastIndexOf(' ') + 1);
        }

        public String name() {
            return name;
        }

        /** The {@code class} line as {@code Class.toGenericString()} prints it, without the word {@code class }. */
        public String header() {
            return classLine.substring("class ".length());
        }

        public Set<String> classTags() {
            return classTags;
        }

        public Optional<String> superclass() {
            return Optional.ofNullable(superclass);
        }

        public List<String> interfaces() {
            return Collections.unmodifiableList(interfaces);
        }

        public List<String> meta() {
            return Collections.unmodifiableList(meta);
        }

        /** Member lines, each with its tags. */
        public Map<String, Set<String>> members() {
            return Collections.unmodifiableMap(members);
        }
    }
}
