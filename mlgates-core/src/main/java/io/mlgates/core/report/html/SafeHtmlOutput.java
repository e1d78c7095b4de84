package io.mlgates.core.report.html;

import gg.jte.TemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;
import io.mlgates.core.report.Text;

/**
 * The one place where every value a template writes passes: control characters and noncharacters are replaced
 * (so the page parses cleanly as HTML and each inline SVG as XML), then jte escapes markup for the context.
 */
final class SafeHtmlOutput extends OwaspHtmlTemplateOutput {
    SafeHtmlOutput(TemplateOutput out) {
        super(out);
    }

    @Override
    public void writeUserContent(String value) {
        super.writeUserContent(value == null ? null : Text.htmlSafe(value));
    }
}
