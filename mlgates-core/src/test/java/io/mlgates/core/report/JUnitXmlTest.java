package io.mlgates.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitXmlTest {
    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    @Test
    @DisplayName("one test case per check; FAIL a failure, ERROR an error, SKIPPED skipped, WARN passes with a note")
    void oneTestCasePerCheck() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JUnitXml().write(GateResultFixtures.full("credit-risk"), out);
        Document doc = parse(out.toByteArray());
        Element suite = doc.getDocumentElement();
        assertThat(suite.getAttribute("name")).isEqualTo("mlgates.validate.credit-risk");
        assertThat(suite.getAttribute("tests")).isEqualTo("5");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        NodeList cases = doc.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(5);
        Element failed = (Element) cases.item(1);
        assertThat(failed.getAttribute("name")).isEqualTo("limit:accuracy:min");
        assertThat(((Element) failed.getElementsByTagName("failure").item(0)).getAttribute("message"))
                .isEqualTo("lower bound of accuracy = 0.409 breaks >= 0.7");
        assertThat(cases.item(4).getTextContent()).startsWith("WARN: ");
    }

    @Test
    @DisplayName("markup and control characters from user files cannot break the XML")
    void hostileStringsStayWellFormed() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JUnitXml().write(GateResultFixtures.full(GateResultFixtures.HOSTILE), out);
        Document doc = parse(out.toByteArray());
        assertThat(doc.getDocumentElement().getAttribute("name"))
                .contains("<script>alert('x')</script> & \"q\"").doesNotContain("\u0007");
    }

    @Test
    @DisplayName("an ethics result with hostile group values: well-formed XML, the WAIVED check passes with its reason")
    void ethicsWithHostileInput() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JUnitXml().write(GateResultFixtures.ethics(GateResultFixtures.HOSTILE), out);
        Document doc = parse(out.toByteArray());
        NodeList cases = doc.getElementsByTagName("testcase");
        Element waived = (Element) cases.item(1);
        assertThat(waived.getAttribute("name")).startsWith("fairness:sex<script>alert('x')</script> & \"q\"")
                .doesNotContain("\u0007");
        assertThat(waived.getElementsByTagName("failure").getLength()).isZero();
        assertThat(waived.getTextContent()).startsWith("WAIVED: waived (was FAIL): <script>");
        boolean property = false;
        NodeList properties = doc.getElementsByTagName("property");
        for (int i = 0; i < properties.getLength(); i++) {
            Element p = (Element) properties.item(i);
            if (p.getAttribute("name").equals("fairness:age:disparate_impact")) {
                property = true;
                assertThat(p.getAttribute("value")).isEqualTo("undefined: no reference group is declared for 'age'");
            }
        }
        assertThat(property).isTrue();
        Element failed = (Element) cases.item(3);
        assertThat(((Element) failed.getElementsByTagName("failure").item(0)).getAttribute("message"))
                .contains("no section <script>alert('x')</script> & \"q\"");
    }
}
