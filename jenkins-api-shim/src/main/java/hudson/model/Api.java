package hudson.model;

/**
 * Shim of jenkins-core's {@code hudson.model.Api}: the remote API ({@code …/api/json}, {@code /xml}) of an exported
 * bean, served where a model object's {@code getApi()} returns it.
 */
public class Api extends AbstractModelObject {
    public Api(Object bean) {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
