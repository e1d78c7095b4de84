package io.mlgates.core.report;

import io.mlgates.core.fairness.AttributeFairness;
import io.mlgates.core.gate.CheckResult;
import io.mlgates.core.gate.DataSource;
import io.mlgates.core.gate.Evidence;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.Status;
import io.mlgates.core.metrics.MetricValue;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A gate result as JUnit XML, so that Jenkins' {@code junit} step and other dashboards show it unchanged:
 * one test case per check. FAIL is a {@code <failure>}, ERROR an {@code <error>}, SKIPPED a {@code <skipped>};
 * PASS, WARN and WAIVED pass as tests, and WARN and WAIVED say so in the test's output (JUnit has no warning).
 * The suite's properties name the candidate, the policies and, for the ethics gate, every disparity's value.
 */
public final class JUnitXml {
    public void write(GateResult result, OutputStream out) throws IOException {
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            String suite = "mlgates." + result.gate() + "." + Text.xmlSafe(result.modelName());
            w.writeStartElement("testsuite");
            w.writeAttribute("name", suite);
            w.writeAttribute("tests", String.valueOf(result.checks().size()));
            w.writeAttribute("failures", String.valueOf(result.count(Status.FAIL)));
            w.writeAttribute("errors", String.valueOf(result.count(Status.ERROR)));
            w.writeAttribute("skipped", String.valueOf(result.count(Status.SKIPPED)));
            w.writeAttribute("timestamp", result.evaluatedAt().toString());
            w.writeCharacters("\n");
            w.writeStartElement("properties");
            property(w, "candidate", result.candidate().digest());
            property(w, "policy", result.policyDigest());
            if (result.organisationPolicy().isPresent()) {
                property(w, "organisationPolicy", result.organisationPolicy().get().digest());
            }
            property(w, "status", result.status().name());
            // judged from statistics, not rows: said where a reader of the suite looks, each file with its digest
            if (result.data().source() == DataSource.STATISTICS) {
                for (Evidence.Input input : result.evidence().inputs()) {
                    if (input.role().equals(DataSource.STATISTICS.id())) {
                        property(w, "statistics:" + input.file(), input.digest());
                    }
                }
            }
            // the figures behind the fairness checks, for dashboards that read suite properties
            if (result.fairness().isPresent()) {
                for (AttributeFairness a : result.fairness().get().attributes().values()) {
                    for (Map.Entry<String, MetricValue> d : a.disparities().entrySet()) {
                        MetricValue v = d.getValue();
                        property(w, "fairness:" + a.attribute() + ":" + d.getKey(), v.isDefined()
                                ? String.valueOf(v.value().getAsDouble())
                                : "undefined: " + v.undefinedReason().orElseThrow());
                    }
                }
            }
            w.writeEndElement();
            w.writeCharacters("\n");
            for (CheckResult check : result.checks()) {
                w.writeCharacters("  ");
                w.writeStartElement("testcase");
                w.writeAttribute("classname", suite);
                w.writeAttribute("name", Text.xmlSafe(check.id()));
                String message = Text.xmlSafe(check.message());
                switch (check.status()) {
                    case FAIL -> element(w, "failure", message);
                    case ERROR -> element(w, "error", message);
                    case SKIPPED -> element(w, "skipped", message);
                    case WARN, WAIVED, PASS -> {
                        w.writeStartElement("system-out");
                        w.writeCharacters(check.status().name() + ": " + message);
                        w.writeEndElement();
                    }
                }
                w.writeEndElement();
                w.writeCharacters("\n");
            }
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
    }

    private static void property(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeEmptyElement("property");
        w.writeAttribute("name", Text.xmlSafe(name));
        w.writeAttribute("value", Text.xmlSafe(value));
    }

    private static void element(XMLStreamWriter w, String name, String message) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeAttribute("message", message);
        w.writeCharacters(message);
        w.writeEndElement();
    }
}
