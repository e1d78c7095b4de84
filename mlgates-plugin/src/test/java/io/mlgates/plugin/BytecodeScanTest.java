package io.mlgates.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.shim.reference.ReferenceFile;
import io.mlgates.shim.reference.ReferenceList;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** The scan of the packaged plugin is only worth something if it reports a reference outside reference.txt. */
class BytecodeScanTest {
    private static final ReferenceList REFERENCE = ReferenceFile.load();

    /** A class {@code probe.Probe extends superName} whose one method makes the given call. */
    private static byte[] probe(String superName, String owner, String name, String descriptor) {
        ClassWriter w = new ClassWriter(0);
        w.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "probe/Probe", null, superName, null);
        MethodVisitor m = w.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "call", "(L" + owner + ";)V", null,
                null);
        m.visitCode();
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitMethodInsn(Opcodes.INVOKEVIRTUAL, owner, name, descriptor, false);
        m.visitInsn(Opcodes.POP);
        m.visitInsn(Opcodes.RETURN);
        m.visitMaxs(1, 1);
        m.visitEnd();
        w.visitEnd();
        return w.toByteArray();
    }

    private static BytecodeScan scan(byte[] classFile) {
        BytecodeScan scan = new BytecodeScan(REFERENCE, BytecodeScanTest.class.getClassLoader());
        scan.scan(classFile);
        return scan;
    }

    @Test
    void aMemberOfTheReferenceIsFound() {
        BytecodeScan scan = scan(probe("java/lang/Object", "hudson/model/Run", "getRootDir", "()Ljava/io/File;"));

        assertThat(scan.outside).isEmpty();
        assertThat(scan.found).containsKey("member public java.io.File hudson.model.Run.getRootDir()");
    }

    @Test
    void aMemberTheReferenceDoesNotListIsReported() {
        BytecodeScan scan = scan(probe("java/lang/Object", "hudson/model/Run", "getRootDirectory",
                "()Ljava/io/File;"));

        assertThat(scan.outside).containsOnlyKeys("member hudson/model/Run.getRootDirectory()Ljava/io/File;");
    }

    @Test
    void aMemberWithAnotherSignatureIsReported() {
        BytecodeScan scan = scan(probe("java/lang/Object", "hudson/model/Run", "getRootDir", "()Ljava/lang/String;"));

        assertThat(scan.outside).containsOnlyKeys("member hudson/model/Run.getRootDir()Ljava/lang/String;");
    }

    @Test
    void aTypeOutsideTheReferenceIsReportedEvenWhenTheShimDeclaresIt() {
        BytecodeScan scan = scan(probe("hudson/model/AbstractItem", "java/lang/Object", "toString",
                "()Ljava/lang/String;"));

        assertThat(scan.outside).containsOnlyKeys("class hudson.model.AbstractItem");
    }

    @Test
    void aMemberInheritedFromAJenkinsSupertypeIsCheckedWhereItIsDeclared() {
        BytecodeScan scan = scan(probe("java/lang/Object", "hudson/model/Run", "getAction",
                "(Ljava/lang/Class;)Lhudson/model/Action;"));

        assertThat(scan.found).containsKey("member public <T extends hudson.model.Action> T"
                + " hudson.model.Actionable.getAction(java.lang.Class<T>)");
        assertThat(scan.outside).isEmpty();
    }
}
