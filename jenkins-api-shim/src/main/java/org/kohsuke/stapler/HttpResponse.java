package org.kohsuke.stapler;

/** Shim of Stapler's {@code HttpResponse}: only here because {@code Descriptor.FormException} implements it. */
public interface HttpResponse {
}
