package io.mlgates.shim.reference;

import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compares shim classes with reference.txt as its README prescribes: the class header, the superclass, each
 * interface, the meta-annotations of annotation types, and every public or protected member, by
 * {@code toGenericString()}. A member the reference tags {@code @restricted} is a problem, {@code @deprecated} a note.
 *
 * <p>A type the reference has no block for is accepted only as a <em>bridge</em>: a type that a block names as its
 * superclass, one of its interfaces or a meta-annotation (so the real type exists under that name), which declares no
 * public or protected member except overrides of methods that the reference lists on its supertypes, and a protected
 * constructor without parameters.
 */
public final class ShimChecker {
    private final ReferenceList reference;
    private final List<String> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private int classesChecked;
    private int membersChecked;
    private final List<String> bridges = new ArrayList<>();

    public ShimChecker(ReferenceList reference) {
        this.reference = reference;
    }

    public ShimChecker check(Class<?> c) {
        classesChecked++;
        Optional<ReferenceList.Block> block = reference.block(c.getName());
        if (block.isEmpty()) {
            checkBridge(c);
            return this;
        }
        ReferenceList.Block b = block.get();
        if (b.classTags().contains("restricted")) {
            problems.add(c.getName() + ": the type is @Restricted in Jenkins; the plugin must not use it");
        }
        if (b.classTags().contains("deprecated")) {
            notes.add(c.getName() + ": deprecated in Jenkins");
        }
        String header = c.toGenericString().replace("non-sealed ", "").replace("sealed ", "");
        if (!header.equals(b.header())) {
            problems.add(c.getName() + ": header\n    shim:      " + header + "\n    reference: " + b.header());
        }
        Type superclass = c.getGenericSuperclass();
        String shimSuper = superclass == null ? null : superclass.getTypeName();
        if (!String.valueOf(shimSuper).equals(String.valueOf(b.superclass().orElse(null)))) {
            problems.add(c.getName() + ": extends " + shimSuper + ", the reference says " + b.superclass().orElse(null));
        }
        for (Type i : c.getGenericInterfaces()) {
            if (!b.interfaces().contains(i.getTypeName())) {
                problems.add(c.getName() + ": implements " + i.getTypeName() + ", not among " + b.interfaces());
            }
        }
        if (c.isAnnotation() || !b.meta().isEmpty()) {
            Set<String> shimMeta = meta(c);
            Set<String> referenceMeta = new TreeSet<>(b.meta());
            if (!shimMeta.equals(referenceMeta)) {
                problems.add(c.getName() + ": meta-annotations\n    shim:      " + shimMeta + "\n    reference: "
                        + referenceMeta);
            }
        }
        for (Member m : members(c)) {
            membersChecked++;
            String line = normalise(genericString(m));
            Optional<Set<String>> tags = b.members().entrySet().stream()
                    .filter(e -> normalise(e.getKey()).equals(line)).map(java.util.Map.Entry::getValue).findFirst();
            if (tags.isEmpty()) {
                problems.add(c.getName() + ": member not in the reference: " + genericString(m));
            } else if (tags.get().contains("restricted")) {
                problems.add(c.getName() + ": member is @Restricted in Jenkins: " + genericString(m));
            } else if (tags.get().contains("deprecated")) {
                notes.add(c.getName() + ": deprecated member " + genericString(m));
            }
        }
        return this;
    }

    private void checkBridge(Class<?> c) {
        if (!reference.namesAsSupertypeOrMeta(c.getName())) {
            problems.add(c.getName() + ": no block in the reference, and no block names it as a supertype or"
                    + " meta-annotation");
            return;
        }
        bridges.add(c.getName());
        for (Member m : members(c)) {
            membersChecked++;
            if (m instanceof Constructor<?> k && Modifier.isProtected(k.getModifiers())
                    && k.getParameterCount() == 0) {
                // a shim subclass in another package (jenkins.model.Jenkins of hudson.model.AbstractCIBase) needs
                // one to compile; the plugin never calls it, and the bytecode scan refuses a call outside the list
                continue;
            }
            if (c.isAnnotation() && m instanceof Method) {
                // an annotation's elements: the meta line of the type it annotates shows and checks their values
                continue;
            }
            if (!(m instanceof Method method) || !overridesReferenceMethod(c, method)) {
                problems.add(c.getName() + ": a type outside the reference may only override methods the reference"
                        + " lists on its supertypes, not declare " + genericString(m));
            }
        }
    }

    private boolean overridesReferenceMethod(Class<?> c, Method method) {
        String key = method.getName() + "(" + Arrays.stream(method.getGenericParameterTypes()).map(Type::getTypeName)
                .collect(Collectors.joining(",")) + ")";
        Deque<Class<?>> todo = new ArrayDeque<>(supertypes(c));
        while (!todo.isEmpty()) {
            Class<?> s = todo.pop();
            Optional<ReferenceList.Block> block = reference.block(s.getName());
            if (block.isPresent() && block.get().members().keySet().stream()
                    .anyMatch(line -> line.contains(" " + s.getName() + "." + key))) {
                return true;
            }
            todo.addAll(supertypes(s));
        }
        return false;
    }

    private static List<Class<?>> supertypes(Class<?> c) {
        List<Class<?>> s = new ArrayList<>(Arrays.asList(c.getInterfaces()));
        if (c.getSuperclass() != null) {
            s.add(c.getSuperclass());
        }
        return s;
    }

    /** Declared public and protected constructors, fields and methods, without synthetic and bridge methods. */
    public static List<Member> members(Class<?> c) {
        List<Member> members = new ArrayList<>();
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            if (visible(k) && !k.isSynthetic()) {
                members.add(k);
            }
        }
        for (Field f : c.getDeclaredFields()) {
            if (visible(f) && !f.isSynthetic()) {
                members.add(f);
            }
        }
        for (Method m : c.getDeclaredMethods()) {
            if (visible(m) && !m.isSynthetic() && !m.isBridge()) {
                members.add(m);
            }
        }
        return members;
    }

    private static boolean visible(Member m) {
        return Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers());
    }

    static String genericString(Member m) {
        if (m instanceof Executable e) {
            return e.toGenericString();
        }
        return ((Field) m).toGenericString();
    }

    /** The README allows ignoring {@code synchronized}, which does not affect linkage. */
    static String normalise(String line) {
        return line.replace("synchronized ", "");
    }

    /**
     * The annotation type's meta-annotations in the reference's form: {@code @Retention(RUNTIME)},
     * {@code @Target({TYPE,FIELD})}, and other annotations by name when every element has its default value.
     */
    static Set<String> meta(Class<?> c) {
        Set<String> meta = new TreeSet<>();
        for (Annotation a : c.getAnnotations()) {
            if (a instanceof Retention r) {
                meta.add("@java.lang.annotation.Retention(" + r.value() + ")");
            } else if (a instanceof Target t) {
                meta.add("@java.lang.annotation.Target({" + Arrays.stream(t.value()).map(ElementType::name)
                        .collect(Collectors.joining(",")) + "})");
            } else if (hasOnlyDefaults(a)) {
                meta.add("@" + a.annotationType().getName());
            } else {
                meta.add("@" + a.annotationType().getName() + "(" + elements(a) + ")");
            }
        }
        return meta;
    }

    /**
     * The elements given a value other than their default, as the reference writes them: {@code X} for a lone
     * {@code value}, else {@code name=X, name=Y}; a class by its binary name, an enum constant by its name.
     */
    private static String elements(Annotation a) {
        List<String> given = new ArrayList<>();
        boolean onlyValue = true;
        for (Method element : a.annotationType().getDeclaredMethods()) {
            try {
                Object value = element.invoke(a);
                if (java.util.Objects.deepEquals(value, element.getDefaultValue())) {
                    continue;
                }
                String shown = value instanceof Class<?> k ? k.getName()
                        : value instanceof Enum<?> e ? e.name() : String.valueOf(value);
                onlyValue &= element.getName().equals("value");
                given.add(element.getName() + "=" + shown);
            } catch (IllegalAccessException | InvocationTargetException e) {
                given.add(element.getName() + "=?");
            }
        }
        return onlyValue && given.size() == 1 ? given.get(0).substring("value=".length())
                : String.join(", ", given);
    }

    private static boolean hasOnlyDefaults(Annotation a) {
        for (Method element : a.annotationType().getDeclaredMethods()) {
            try {
                Object value = element.invoke(a);
                Object defaultValue = element.getDefaultValue();
                if (defaultValue == null || !java.util.Objects.deepEquals(value, defaultValue)) {
                    return false;
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                return false;
            }
        }
        return true;
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    public List<String> bridges() {
        return List.copyOf(bridges);
    }

    public int classesChecked() {
        return classesChecked;
    }

    public int membersChecked() {
        return membersChecked;
    }
}
