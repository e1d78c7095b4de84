package io.mlgates.core.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ModelCardTest {
    @Test
    @DisplayName("Hugging Face's template: 'Uses' counts as intended use through its 'Direct Use' subsection")
    void subsectionsCount() throws Exception {
        ModelCard card = ModelCard.markdown("""
                # Model Card for m
                ## Uses
                ### Direct Use
                Ranking applications.
                ### Out-of-Scope Use
                [More Information Needed]
                ## Bias, Risks, and Limitations
                Small data.
                """, "README.md");
        assertThat(card.has(CardSection.INTENDED_USE)).isTrue();
        assertThat(card.has(CardSection.OUT_OF_SCOPE_USES)).isFalse();
        assertThat(card.has(CardSection.ETHICAL_CONSIDERATIONS)).isTrue();
        assertThat(card.declaredMetrics()).isEmpty();
    }

    @Test
    @DisplayName("a heading inside a fenced code block is not a section")
    void codeFences() throws Exception {
        ModelCard card = ModelCard.markdown("# Card\n```\n## Caveats\ntext\n```\n", "c.md");
        assertThat(card.has(CardSection.CAVEATS)).isFalse();
    }

    @Test
    @DisplayName("headings match without case, emphasis or a trailing colon")
    void headingForms() throws Exception {
        ModelCard card = ModelCard.markdown("## **Owner and Contact:**\nrisk@example.com\n", "c.md");
        assertThat(card.has(CardSection.OWNER_CONTACT)).isTrue();
    }

    @Test
    @DisplayName("declared metrics keep their written decimals: 0.80 claims ±0.005, 0.808 ±0.0005")
    void declaredMetricRounding() throws Exception {
        ModelCard card = ModelCard.markdown("""
                ---
                model-index:
                  - results:
                      - metrics:
                          - {type: roc_auc, value: 0.80}
                          - {type: accuracy, value: 0.808}
                ---
                """, "c.md");
        assertThat(card.declaredMetrics()).containsExactly(new DeclaredMetric("roc_auc", new BigDecimal("0.80")),
                new DeclaredMetric("accuracy", new BigDecimal("0.808")));
        assertThat(card.declaredMetrics().get(0).matches(0.8049)).isTrue();
        assertThat(card.declaredMetrics().get(0).matches(0.8051)).isFalse();
        assertThat(card.declaredMetrics().get(1).matches(0.8084)).isTrue();
        assertThat(card.declaredMetrics().get(1).matches(0.8086)).isFalse();
    }

    @Test
    @DisplayName("model_parameters: the approach, architecture and formats the card states; nothing where it is silent")
    void declaredModel() throws Exception {
        ModelCard card = ModelCard.markdown("""
                ---
                model_parameters:
                  architecture_family: logistic regression
                  inputs: [tabular, {format: text}]
                ---
                # Card
                """, "c.md");
        assertThat(card.declaredModel()).isEqualTo(new DeclaredModel(Optional.empty(),
                Optional.of("logistic regression"), Optional.empty(), List.of("tabular", "text"), List.of()));
        assertThat(ModelCard.markdown("# Card\n", "c.md").declaredModel().isEmpty()).isTrue();
        assertThat(ModelCard.markdown("---\nlicense: mit\n---\n# Card\n", "c.md").declaredModel().isEmpty())
                .isTrue();
    }

    @Test
    @DisplayName("model_parameters with an unknown key, an approach CycloneDX does not know or a format that is no"
            + " text is refused with the file")
    void malformedDeclaredModel() {
        assertThatThrownBy(() -> ModelCard.markdown("---\nmodel_parameters: {architecure_family: cnn}\n---\n",
                "c.md")).hasMessage("c.md: model_parameters has the unknown key 'architecure_family'; expected one"
                + " of approach, architecture_family, inputs, model_architecture, outputs");
        assertThatThrownBy(() -> ModelCard.markdown("---\nmodel_parameters: {approach: deep}\n---\n", "c.md"))
                .hasMessage("c.md: model_parameters.approach is 'deep'; expected one of supervised, unsupervised,"
                        + " reinforcement-learning, semi-supervised, self-supervised");
        assertThatThrownBy(() -> ModelCard.markdown("---\nmodel_parameters: {outputs: [3]}\n---\n", "c.md"))
                .hasMessageStartingWith("c.md: model_parameters.outputs[0] is not a format");
        assertThatThrownBy(() -> ModelCard.markdown("---\nmodel_parameters: {inputs: tabular}\n---\n", "c.md"))
                .hasMessageStartingWith("c.md: model_parameters.inputs is not a list");
    }

    @Test
    @DisplayName("front matter that is never closed, or a metric without a value, is refused with the file")
    void malformed() {
        assertThatThrownBy(() -> ModelCard.markdown("---\nlicense: mit\n# Card\n", "c.md"))
                .hasMessage("c.md:1: the front matter opened by '---' is never closed");
        assertThatThrownBy(() -> ModelCard.markdown("---\nmodel-index: [{results: [{metrics: [{type: f1}]}]}]\n---\n",
                "c.md")).hasMessageContaining("needs a 'type' (the metric's name) and a numeric 'value'");
    }

    @Test
    @DisplayName("SPDX identifiers are matched without case and given in their canonical spelling")
    void licences() {
        assertThat(Licences.canonical("cc-by-sa-4.0")).hasValue("CC-BY-SA-4.0");
        assertThat(Licences.canonical("GPL-2.0")).hasValue("GPL-2.0");
        assertThat(Licences.canonical("CC-BY-5.0")).isEmpty();
        assertThat(Licences.problem("odbl-1.0", Optional.empty(), List.of())).isEmpty();
        assertThat(Licences.problem("NONE", Optional.empty(), List.of())).isPresent();
    }

    @Test
    @DisplayName("a section's text is kept as written, without comments, the template's filler or a subsection twice")
    void sectionTexts() throws Exception {
        ModelCard card = ModelCard.markdown("""
                # Model Card for m
                ## Uses
                ### Direct Use
                Ranking applications.
                <!-- what the template asks -->
                ### Out-of-Scope Use
                [More Information Needed]
                ## Limitations
                Small data.
                ## Caveats
                - Old data.
                """, "README.md");
        assertThat(card.text(CardSection.INTENDED_USE)).contains("Ranking applications.");
        assertThat(card.text(CardSection.OUT_OF_SCOPE_USES)).isEmpty();
        assertThat(card.text(CardSection.CAVEATS)).contains("Small data.\n\n- Old data.");
        assertThat(card.text(CardSection.OWNER_CONTACT)).isEmpty();
    }
}
