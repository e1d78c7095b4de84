package io.mlgates.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * What the remote API serves: every exported property of an exported bean is a getter returning a value Stapler can
 * write (a string, a number, a boolean, a map of those, or a list of exported beans).
 */
class RemoteApiTest {
    private static final List<Class<?>> BEANS = List.of(GateResultAction.class, ResultApi.class,
            GateTrendAction.class, CheckRow.class, MetricRow.class, TrendPoint.class, BoardApi.class,
            BoardApi.Filter.class, BoardApi.Model.class, BoardApi.Candidate.class, BoardApi.Result.class,
            BoardApi.Reason.class, BoardApi.Approvals.class, BoardApi.Pending.class, BoardApi.Lapse.class,
            BoardApi.Lapse.OfModel.class, BoardApi.Stage.class, BoardApi.Next.class, BoardApi.Train.class);

    @Test
    void everyExportedPropertyIsAWritableGetter() {
        List<String> problems = new ArrayList<>();
        for (Class<?> bean : BEANS) {
            assertThat(bean.isAnnotationPresent(ExportedBean.class)).as(bean.getName()).isTrue();
            for (Method m : bean.getMethods()) {
                if (!m.isAnnotationPresent(Exported.class)) {
                    continue;
                }
                if (m.getParameterCount() != 0 || !m.getName().matches("(get|is)[A-Z].*")) {
                    problems.add(m + " is not a getter");
                } else if (!writable(m.getGenericReturnType())) {
                    problems.add(m + " returns " + m.getGenericReturnType());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theBuildApiShowsEachResultsStatusWithoutReadingItsFile() throws Exception {
        for (String summaryProperty : new String[] {"getId", "getGate", "getStatus", "getModel", "getCandidate",
            "getPolicy", "getResultDigest", "getCounts"}) {
            assertThat(GateResultAction.class.getMethod(summaryProperty).getAnnotation(Exported.class).visibility())
                    .as(summaryProperty).isEqualTo(2);
        }
        for (String detail : new String[] {"getChecks", "getMetrics"}) {
            assertThat(GateResultAction.class.getMethod(detail).getAnnotation(Exported.class).visibility())
                    .as(detail + " is read from the result's file: a job's api/json?depth=2 must not").isZero();
            // the result's own API (…/mlgates/<id>/api/json) serves it at the default depth
            assertThat(ResultApi.class.getMethod(detail).getAnnotation(Exported.class).visibility()).isEqualTo(1);
        }
    }

    private static boolean writable(Type type) {
        if (type instanceof Class<?> c) {
            return c.isPrimitive() || c == String.class || Number.class.isAssignableFrom(c) || c == Boolean.class
                    || c.isAnnotationPresent(ExportedBean.class);
        }
        if (type instanceof ParameterizedType p) {
            Type raw = p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (raw == List.class) {
                return writable(args[0]);
            }
            if (raw == Map.class) {
                return args[0] == String.class && writable(args[1]);
            }
        }
        return false;
    }
}
