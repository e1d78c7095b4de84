package io.mlgates.plugin;

import io.mlgates.shim.reference.ReferenceList;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Every reference the plugin's bytecode makes to a class or member of Jenkins ({@code hudson.*}, {@code jenkins.*},
 * {@code org.jenkinsci.*}, {@code org.kohsuke.*}, and plugins under {@code io.jenkins.*} such as checks-api and
 * {@code com.cloudbees.*} such as credentials): type names in descriptors, signatures, annotations and
 * instructions; method and field references (resolved as the JVM resolves them, through the plugin's own classes
 * and Jenkins' supertypes, to the class that declares the member); annotation elements. Each must be in
 * reference.txt, and none tagged {@code @restricted} there.
 */
final class BytecodeScan {
    private static final String[] JENKINS = {"hudson/", "jenkins/", "org/jenkinsci/", "org/kohsuke/", "io/jenkins/",
        "com/cloudbees/"};
    private static final Pattern OBJECT_TYPE = Pattern.compile("L([^;<]+)[;<]");

    private final ReferenceList reference;
    private final ClassLoader loader;
    /** Jenkins type or member, as reference.txt writes it, to the plugin classes that use it. */
    final Map<String, Set<String>> found = new TreeMap<>();
    final Map<String, Set<String>> outside = new TreeMap<>();
    final Map<String, Set<String>> restricted = new TreeMap<>();
    final Set<String> deprecated = new TreeSet<>();
    /** Reflective members reached, for telling which members of the shim the plugin uses. */
    final Set<Member> reached = new java.util.HashSet<>();
    int classesScanned;

    BytecodeScan(ReferenceList reference, ClassLoader loader) {
        this.reference = reference;
        this.loader = loader;
    }

    static boolean isJenkins(String internalName) {
        return Arrays.stream(JENKINS).anyMatch(internalName::startsWith);
    }

    void scan(byte[] classFile) {
        classesScanned++;
        ClassReader reader = new ClassReader(classFile);
        String user = reader.getClassName().replace('/', '.');
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                              String[] interfaces) {
                type(superName, user);
                for (String i : interfaces) {
                    type(i, user);
                }
                signature(signature, user);
            }

            @Override
            public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                return annotation(descriptor, user);
            }

            @Override
            public void visitInnerClass(String name, String outerName, String innerName, int access) {
                type(name, user);
            }

            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature,
                                           Object value) {
                signature(descriptor, user);
                signature(signature, user);
                return new FieldVisitor(Opcodes.ASM9) {
                    @Override
                    public AnnotationVisitor visitAnnotation(String d, boolean visible) {
                        return annotation(d, user);
                    }
                };
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                signature(descriptor, user);
                signature(signature, user);
                if (exceptions != null) {
                    for (String e : exceptions) {
                        type(e, user);
                    }
                }
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public AnnotationVisitor visitAnnotation(String d, boolean visible) {
                        return annotation(d, user);
                    }

                    @Override
                    public AnnotationVisitor visitParameterAnnotation(int parameter, String d, boolean visible) {
                        return annotation(d, user);
                    }

                    @Override
                    public void visitTypeInsn(int opcode, String type) {
                        type(type, user);
                    }

                    @Override
                    public void visitFieldInsn(int opcode, String owner, String fieldName, String d) {
                        member(owner, fieldName, d, false, user);
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String methodName, String d, boolean itf) {
                        member(owner, methodName, d, true, user);
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String n, String d, Handle bootstrap, Object... args) {
                        signature(d, user);
                        for (Object arg : args) {
                            constant(arg, user);
                        }
                    }

                    @Override
                    public void visitLdcInsn(Object value) {
                        constant(value, user);
                    }

                    @Override
                    public void visitMultiANewArrayInsn(String d, int dimensions) {
                        signature(d, user);
                    }

                    @Override
                    public void visitTryCatchBlock(org.objectweb.asm.Label start, org.objectweb.asm.Label end,
                                                   org.objectweb.asm.Label handler, String type) {
                        if (type != null) {
                            type(type, user);
                        }
                    }

                    @Override
                    public void visitLocalVariable(String n, String d, String s, org.objectweb.asm.Label start,
                                                   org.objectweb.asm.Label end, int index) {
                        signature(d, user);
                        signature(s, user);
                    }
                };
            }
        }, 0);
    }

    private void constant(Object value, String user) {
        if (value instanceof Type t) {
            signature(t.getDescriptor(), user);
        } else if (value instanceof Handle h) {
            member(h.getOwner(), h.getName(), h.getDesc(), h.getTag() >= Opcodes.H_INVOKEVIRTUAL, user);
        }
    }

    private AnnotationVisitor annotation(String descriptor, String user) {
        String type = Type.getType(descriptor).getInternalName();
        type(type, user);
        return new AnnotationVisitor(Opcodes.ASM9) {
            @Override
            public void visit(String name, Object value) {
                element(type, name, user);
                constant(value, user);
            }

            @Override
            public void visitEnum(String name, String d, String value) {
                element(type, name, user);
                signature(d, user);
            }

            @Override
            public AnnotationVisitor visitAnnotation(String name, String d) {
                element(type, name, user);
                return annotation(d, user);
            }

            @Override
            public AnnotationVisitor visitArray(String name) {
                element(type, name, user);
                return this;
            }
        };
    }

    private void element(String annotationType, String name, String user) {
        if (name != null) {
            member(annotationType, name, null, true, user);
        }
    }

    private void signature(String signature, String user) {
        if (signature == null) {
            return;
        }
        Matcher m = OBJECT_TYPE.matcher(signature);
        while (m.find()) {
            type(m.group(1), user);
        }
    }

    private void type(String internalName, String user) {
        if (internalName == null) {
            return;
        }
        String name = internalName.startsWith("[") ? Type.getType(internalName).getElementType().getInternalName()
                : internalName;
        if (!isJenkins(name)) {
            return;
        }
        String binary = name.replace('/', '.');
        Optional<ReferenceList.Block> block = reference.block(binary);
        String key = "class " + binary;
        if (block.isEmpty()) {
            outside.computeIfAbsent(key, k -> new TreeSet<>()).add(user);
            return;
        }
        found.computeIfAbsent(key, k -> new TreeSet<>()).add(user);
        tags(key, block.get().classTags(), user);
    }

    /**
     * A method or field reference. Members declared by the plugin's or the JDK's classes are not Jenkins'; one that
     * resolves to a Jenkins class must be listed in that class's block.
     */
    private void member(String owner, String name, String descriptor, boolean method, String user) {
        if (owner.startsWith("[")) {
            return;
        }
        type(owner, user);
        Class<?> ownerClass;
        try {
            ownerClass = Class.forName(owner.replace('/', '.'), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            if (isJenkins(owner)) {
                outside.computeIfAbsent("member " + owner + "." + name, k -> new TreeSet<>()).add(user);
            }
            return;
        }
        Member resolved = method ? resolveMethod(ownerClass, name, descriptor) : resolveField(ownerClass, name);
        if (resolved == null) {
            if (isJenkins(owner)) {
                outside.computeIfAbsent("member " + owner + "." + name + descriptor, k -> new TreeSet<>()).add(user);
            }
            return;
        }
        String declaring = resolved.getDeclaringClass().getName().replace('.', '/');
        if (!isJenkins(declaring)) {
            return;
        }
        reached.add(resolved);
        String line = resolved instanceof Executable e ? e.toGenericString() : ((Field) resolved).toGenericString();
        Optional<ReferenceList.Block> block = reference.block(resolved.getDeclaringClass().getName());
        Optional<Set<String>> tags = block.flatMap(b -> b.members().entrySet().stream()
                .filter(e -> e.getKey().replace("synchronized ", "").equals(line.replace("synchronized ", "")))
                .map(Map.Entry::getValue).findFirst());
        if (tags.isEmpty()) {
            outside.computeIfAbsent("member " + line, k -> new TreeSet<>()).add(user);
            return;
        }
        found.computeIfAbsent("member " + line, k -> new TreeSet<>()).add(user);
        tags("member " + line, tags.get(), user);
    }

    private void tags(String key, Set<String> tags, String user) {
        if (tags.contains("restricted")) {
            restricted.computeIfAbsent(key, k -> new TreeSet<>()).add(user);
        }
        if (tags.contains("deprecated")) {
            deprecated.add(key);
        }
    }

    /** As the JVM resolves a method: the class and its superclasses, then its interfaces. */
    private static Member resolveMethod(Class<?> owner, String name, String descriptor) {
        for (Class<?> c = owner; c != null; c = c.getSuperclass()) {
            Member m = declared(c, name, descriptor);
            if (m != null) {
                return m;
            }
        }
        Deque<Class<?>> interfaces = new ArrayDeque<>();
        for (Class<?> c = owner; c != null; c = c.getSuperclass()) {
            interfaces.addAll(Arrays.asList(c.getInterfaces()));
        }
        while (!interfaces.isEmpty()) {
            Class<?> i = interfaces.pop();
            Member m = declared(i, name, descriptor);
            if (m != null) {
                return m;
            }
            interfaces.addAll(Arrays.asList(i.getInterfaces()));
        }
        return null;
    }

    private static Member declared(Class<?> c, String name, String descriptor) {
        if (name.equals("<init>")) {
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (Type.getConstructorDescriptor(k).equals(descriptor)) {
                    return k;
                }
            }
            return null;
        }
        for (Method m : c.getDeclaredMethods()) {
            // An annotation element is named without a descriptor.
            if (m.getName().equals(name) && (descriptor == null || Type.getMethodDescriptor(m).equals(descriptor))) {
                return m;
            }
        }
        return null;
    }

    private static Member resolveField(Class<?> owner, String name) {
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(owner));
        while (!todo.isEmpty()) {
            Class<?> c = todo.pop();
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(name)) {
                    return f;
                }
            }
            todo.addAll(Arrays.asList(c.getInterfaces()));
            if (c.getSuperclass() != null) {
                todo.add(c.getSuperclass());
            }
        }
        return null;
    }

    List<String> summary() {
        List<String> lines = new ArrayList<>();
        long types = found.keySet().stream().filter(k -> k.startsWith("class ")).count();
        lines.add(classesScanned + " plugin classes scanned: " + types + " Jenkins types and "
                + (found.size() - types) + " Jenkins members referenced, all in reference.txt; " + outside.size()
                + " outside it; " + restricted.size() + " @Restricted");
        deprecated.forEach(d -> lines.add("deprecated in Jenkins: " + d));
        return lines;
    }
}
