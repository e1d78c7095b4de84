package io.mlgates.core.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.ParseError;
import org.jsoup.parser.Parser;
import org.xml.sax.InputSource;

/** What every page and fragment of the report must satisfy, checked with real parsers. */
final class HtmlChecks {
    private HtmlChecks() {
    }

    /** Wraps a fragment in the smallest valid page, as the Jenkins views and the static report embed it. */
    static String page(String fragment) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>t</title></head><body>"
                + fragment + "</body></html>";
    }

    /**
     * Parses a whole page with jsoup's HTML5 parser, tracking every parse error, and checks the rules of the report:
     * no parse error, no script, no style element or attribute, no event handler, no control character; and every
     * inline SVG, cut from the raw text, parses as namespaced XML.
     */
    static Document valid(String html) throws Exception {
        Parser parser = Parser.htmlParser().setTrackErrors(50);
        Document doc = Jsoup.parse(html, "", parser);
        List<String> errors = new ArrayList<>();
        for (ParseError e : parser.getErrors()) {
            errors.add(e.toString());
        }
        assertThat(errors).as("HTML parse errors").isEmpty();
        assertThat(doc.select("script, style, iframe, object, embed")).as("active or styling elements").isEmpty();
        assertThat(doc.select("[style]")).as("inline style attributes").isEmpty();
        for (Element e : doc.getAllElements()) {
            e.attributes().forEach(a -> assertThat(a.getKey()).as("event handler on " + e.tagName())
                    .doesNotStartWith("on"));
        }
        html.codePoints().forEach(cp -> assertThat(cp < 0x20 && cp != '\n' && cp != '\r' && cp != '\t'
                || cp >= 0x7F && cp <= 0x9F).as("control character U+%04X", cp).isFalse());
        for (String svg : svgs(html)) {
            xml(svg);
        }
        return doc;
    }

    /** Every {@code <svg>...</svg>} of the raw text, as written (charts do not nest SVG). */
    static List<String> svgs(String html) {
        List<String> out = new ArrayList<>();
        for (int from = html.indexOf("<svg"); from >= 0; from = html.indexOf("<svg", from + 1)) {
            int end = html.indexOf("</svg>", from);
            assertThat(end).as("an <svg> without its end").isPositive();
            out.add(html.substring(from, end + "</svg>".length()));
        }
        return out;
    }

    static org.w3c.dom.Document xml(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        javax.xml.parsers.DocumentBuilder builder = f.newDocumentBuilder();
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() { // throw, without printing to stderr
            @Override
            public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXParseException {
                throw e;
            }

            @Override
            public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXParseException {
                throw e;
            }
        });
        org.w3c.dom.Document d = builder.parse(new InputSource(new StringReader(svg)));
        assertThat(d.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        return d;
    }

    /**
     * Every text node holding {@code marker} lies in a {@code <bdi>}, in a title, or in an SVG text or description:
     * in each, right-to-left text can reorder nothing but itself.
     */
    static void isolated(Document doc, String marker) {
        int found = 0;
        for (Element e : doc.getAllElements()) {
            for (TextNode t : e.textNodes()) {
                if (t.text().contains(marker)) {
                    found++;
                    boolean inside = false;
                    for (Element p = e; p != null; p = p.parent()) {
                        inside |= List.of("bdi", "title", "desc", "text").contains(p.tagName());
                    }
                    assertThat(inside)
                            .as("'%s' in <%s> is isolated", marker, e.tagName()).isTrue();
                }
            }
        }
        assertThat(found).as("occurrences of the marker").isPositive();
    }
}
