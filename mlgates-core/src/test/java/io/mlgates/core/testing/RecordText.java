package io.mlgates.core.testing;

import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.lang.runtime.ObjectMethods;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The text the JDK's generated {@code toString} gives a record: what a record that writes its own {@code toString}
 * out (to spare the start-up the generated one's method handles) must still say, byte for byte.
 */
public final class RecordText {
    private RecordText() {
    }

    /** {@code value}'s text as the JDK's {@code ObjectMethods} bootstrap makes it, whatever the record overrides. */
    public static String generated(Record value) {
        try {
            Class<?> type = value.getClass();
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            RecordComponent[] components = type.getRecordComponents();
            MethodHandle[] getters = new MethodHandle[components.length];
            for (int i = 0; i < components.length; i++) {
                getters[i] = lookup.unreflect(components[i].getAccessor());
            }
            String names = Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.joining(";"));
            // called with a MethodType, as an invokedynamic instruction calls it, the bootstrap returns a call site
            CallSite toString = (CallSite) ObjectMethods.bootstrap(lookup, "toString",
                    MethodType.methodType(String.class, type), type, names, getters);
            return (String) toString.dynamicInvoker().invoke(value);
        } catch (Throwable e) {
            throw new AssertionError("the generated toString of " + value.getClass() + " cannot be had", e);
        }
    }
}
