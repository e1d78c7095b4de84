package io.mlgates.core.bom;

import io.mlgates.core.candidate.ArtefactFile;
import io.mlgates.core.docs.CardSection;
import io.mlgates.core.docs.DeclaredModel;
import io.mlgates.core.docs.Licences;
import io.mlgates.core.docs.ModelCard;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.metrics.Interval;
import io.mlgates.core.metrics.TaskType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.ExternalReference;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.License;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.component.data.ComponentData;
import org.cyclonedx.model.component.data.DatasetChoice;
import org.cyclonedx.model.component.modelCard.Considerations;
import org.cyclonedx.model.component.modelCard.InputOutputParameter;
import org.cyclonedx.model.component.modelCard.ModelParameters;
import org.cyclonedx.model.component.modelCard.PerformanceMetric;
import org.cyclonedx.model.component.modelCard.QuantitativeAnalysis;
import org.cyclonedx.model.component.modelCard.consideration.Risk;
import org.cyclonedx.model.metadata.ToolInformation;

/**
 * The CycloneDX 1.6 ML-BOM of a candidate (docs/bom.md): the model as a {@code machine-learning-model} component
 * whose hash is the candidate's digest and whose sub-components are its files, with a model card of every figure the
 * gates judged; the data sets as {@code data} components with their licences and datasheets; the gate results as
 * external references, each with its file's digest.
 */
public final class ModelBom {
    /** The property prefix of what CycloneDX has no field for, as its property taxonomy asks: a namespace of ours. */
    static final String NS = "mlgates:";

    private ModelBom() {
    }

    /** The BOM of {@code sources}; the same sources give the same BOM, serial number included. */
    public static Bom of(BomSources sources) {
        Bom bom = new Bom();
        bom.setSerialNumber("urn:uuid:" + serial(sources));
        bom.setVersion(1);
        Metadata metadata = new Metadata();
        metadata.setTimestamp(Date.from(sources.timestamp()));
        Component tool = new Component();
        tool.setType(Component.Type.APPLICATION);
        tool.setName("mlgates");
        tool.setVersion(sources.engineVersion());
        ToolInformation tools = new ToolInformation();
        tools.setComponents(List.of(tool));
        metadata.setToolChoice(tools);
        Component model = model(sources);
        metadata.setComponent(model);
        bom.setMetadata(metadata);
        List<Component> components = new ArrayList<>();
        for (BomSources.DataSet d : sources.datasets()) {
            components.add(data(d));
        }
        bom.setComponents(components);
        return bom;
    }

    private static Component model(BomSources s) {
        Component model = new Component();
        model.setType(Component.Type.MACHINE_LEARNING_MODEL);
        model.setBomRef("model:" + s.artefacts().candidate().digest());
        model.setName(s.modelName());
        // the candidate is its digest: a rebuilt model is another candidate, not another version of one
        model.setVersion(s.artefacts().candidate().digest());
        model.setDescription("the candidate " + s.artefacts().candidate().digest() + ": "
                + s.artefacts().candidate().describe() + " under " + s.artifactsPath());
        model.setHashes(List.of(new Hash(Hash.Algorithm.SHA_256, hex(s.artefacts().candidate().digest()))));
        model.setProperties(List.of(
                new Property(NS + "candidate:digest", s.artefacts().candidate().digest()),
                // the name the in-toto attestations give the same digest
                new Property(NS + "candidate:digestAlgorithm", "mlgatesTreeSha256: SHA-256 over each file's NFC"
                        + " path, a zero byte, its 8-byte big-endian length and its bytes, in path order"),
                new Property(NS + "policy", s.policy().url()),
                new Property(NS + "policy:digest", s.policy().digest())));
        List<Component> files = new ArrayList<>();
        for (ArtefactFile f : s.artefacts().files()) {
            Component file = new Component();
            file.setType(Component.Type.FILE);
            file.setBomRef("file:" + s.artifactsPath() + "/" + f.path());
            file.setName(s.artifactsPath() + "/" + f.path());
            file.setHashes(List.of(new Hash(Hash.Algorithm.SHA_256, f.hex())));
            file.setProperties(List.of(new Property(NS + "bytes", Long.toString(f.bytes()))));
            files.add(file);
        }
        model.setComponents(files);
        model.setModelCard(card(s));
        List<ExternalReference> refs = new ArrayList<>();
        // documentation, not model-card: the library writes MODEL_CARD as "model_card", which the schema refuses
        s.modelCard().ifPresent(c -> refs.add(reference(ExternalReference.Type.DOCUMENTATION, c.file(),
                "the model card")));
        for (BomSources.ResultFile r : s.results()) {
            GateResult g = r.result();
            refs.add(reference(ExternalReference.Type.QUALITY_METRICS, r.file(), "the " + g.gate()
                    + " gate's result: " + g.status() + ", judged " + g.evaluatedAt() + " under policy "
                    + g.policyDigest()));
        }
        model.setExternalReferences(refs);
        return model;
    }

    private static org.cyclonedx.model.component.ModelCard card(BomSources s) {
        org.cyclonedx.model.component.ModelCard card = new org.cyclonedx.model.component.ModelCard();
        ModelParameters parameters = new ModelParameters();
        ModelParameters.Approach approach = new ModelParameters.Approach();
        Optional<DeclaredModel> declared = s.modelCard().map(c -> c.card().declaredModel());
        // the card's word, else supervised: every task the gates judge is judged against labelled rows
        approach.setType(declared.flatMap(DeclaredModel::approach)
                .map(a -> ModelParameters.Approach.ApproachType.valueOf(a.toUpperCase(Locale.ROOT).replace('-', '_')))
                .orElse(ModelParameters.Approach.ApproachType.SUPERVISED));
        parameters.setApproach(approach);
        parameters.setTask(task(s.task()));
        // what the card states of the architecture and the formats; nothing where it is silent
        declared.flatMap(DeclaredModel::architectureFamily).ifPresent(parameters::setArchitectureFamily);
        declared.flatMap(DeclaredModel::modelArchitecture).ifPresent(parameters::setModelArchitecture);
        declared.map(d -> formats(d.inputs())).filter(f -> !f.isEmpty()).ifPresent(parameters::setInputs);
        declared.map(d -> formats(d.outputs())).filter(f -> !f.isEmpty()).ifPresent(parameters::setOutputs);
        if (!s.datasets().isEmpty()) {
            List<DatasetChoice> datasets = new ArrayList<>();
            for (BomSources.DataSet d : s.datasets()) {
                DatasetChoice choice = new DatasetChoice();
                choice.setRef(dataRef(d));
                datasets.add(choice);
            }
            parameters.setDatasets(datasets);
        }
        card.setModelParameters(parameters);

        List<Measurement> measured = Measurements.of(s.results().stream().map(BomSources.ResultFile::result)
                .toList());
        List<PerformanceMetric> metrics = new ArrayList<>();
        List<Property> properties = new ArrayList<>();
        for (Measurement m : measured) {
            PerformanceMetric metric = new PerformanceMetric();
            metric.setType(m.type());
            m.slice().ifPresent(metric::setSlice);
            if (m.value().isPresent()) {
                metric.setValue(Double.toString(m.value().getAsDouble()));
                if (m.ci().isPresent()) {
                    Interval ci = m.ci().get();
                    PerformanceMetric.ConfidenceInterval interval = new PerformanceMetric.ConfidenceInterval();
                    interval.setLowerBound(Double.toString(ci.low()));
                    interval.setUpperBound(Double.toString(ci.high()));
                    metric.setConfidenceInterval(interval);
                    properties.add(new Property(NS + "interval:" + m.where(), Math.round(ci.level() * 1000) / 10.0
                            + " % " + ci.method()));
                }
            } else {
                // no value rather than 0: CycloneDX has no field for the reason, so a property carries it
                properties.add(new Property(NS + "undefined:" + m.where(), m.undefinedReason().orElseThrow()));
            }
            metrics.add(metric);
        }
        if (!metrics.isEmpty()) {
            QuantitativeAnalysis analysis = new QuantitativeAnalysis();
            analysis.setPerformanceMetrics(metrics);
            card.setQuantitativeAnalysis(analysis);
        }
        s.modelCard().ifPresent(c -> {
            Considerations considerations = considerations(c.card());
            if (considerations != null) {
                card.setConsiderations(considerations);
            }
        });
        if (!properties.isEmpty()) {
            card.setProperties(properties);
        }
        return card;
    }

    private static List<InputOutputParameter> formats(List<String> formats) {
        List<InputOutputParameter> parameters = new ArrayList<>();
        for (String format : formats) {
            InputOutputParameter parameter = new InputOutputParameter();
            parameter.setFormat(format);
            parameters.add(parameter);
        }
        return parameters;
    }

    /** The model card's sections as CycloneDX's considerations; null when the card has none of them. */
    private static Considerations considerations(ModelCard card) {
        Considerations c = new Considerations();
        boolean any = false;
        List<String> uses = card.text(CardSection.INTENDED_USE).map(ModelBom::items).orElse(List.of());
        if (!uses.isEmpty()) {
            c.setUseCases(uses);
            any = true;
        }
        List<String> limitations = new ArrayList<>(card.text(CardSection.CAVEATS).map(ModelBom::items)
                .orElse(List.of()));
        card.text(CardSection.OUT_OF_SCOPE_USES).map(ModelBom::items).orElse(List.of())
                .forEach(item -> limitations.add("Out of scope: " + item));
        if (!limitations.isEmpty()) {
            c.setTechnicalLimitations(limitations);
            any = true;
        }
        List<Risk> risks = new ArrayList<>();
        for (String item : card.text(CardSection.ETHICAL_CONSIDERATIONS).map(ModelBom::items).orElse(List.of())) {
            Risk risk = new Risk();
            risk.setName(item);
            risks.add(risk);
        }
        if (!risks.isEmpty()) {
            c.setEthicalConsiderations(risks);
            any = true;
        }
        return any ? c : null;
    }

    /**
     * A section's Markdown as items: each list item, and each other paragraph, with its lines joined; a table or a
     * fenced block stays one item, its lines kept.
     */
    static List<String> items(String text) {
        List<String> items = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean keepLines = false;
        for (String line : text.split("\r\n|\n|\r", -1)) {
            String t = line.strip();
            boolean bullet = t.matches("([-*+]|\\d+[.)])\\s+.*");
            boolean block = t.startsWith("|") || t.startsWith("```") || t.startsWith("~~~");
            if (t.isEmpty() || bullet) {
                flush(items, current);
                keepLines = false;
                if (bullet) {
                    current.append(t.replaceFirst("^([-*+]|\\d+[.)])\\s+", ""));
                }
                continue;
            }
            if (current.length() > 0) {
                current.append(keepLines || block ? "\n" : " ");
            }
            keepLines |= block;
            current.append(block ? line : t);
        }
        flush(items, current);
        return items;
    }

    private static void flush(List<String> items, StringBuilder current) {
        if (!current.toString().isBlank()) {
            items.add(current.toString().strip());
        }
        current.setLength(0);
    }

    private static Component data(BomSources.DataSet d) {
        Component c = new Component();
        c.setType(Component.Type.DATA);
        c.setBomRef(dataRef(d));
        c.setName(d.name());
        License licence = new License();
        Optional<String> spdx = Licences.canonical(d.licence());
        if (spdx.isPresent()) {
            licence.setId(spdx.get());
        } else {
            // the organisation's LicenseRef-: a named licence, since it is no SPDX identifier
            licence.setName(d.licence());
        }
        LicenseChoice licences = new LicenseChoice();
        licences.addLicense(licence);
        c.setLicenses(licences);
        ComponentData data = new ComponentData();
        data.setType(ComponentData.ComponentDataType.DATASET);
        data.setName(d.name());
        d.datasheet().ifPresent(sheet -> data.setDescription("datasheet: " + sheet.url()));
        c.setData(List.of(data));
        d.datasheet().ifPresent(sheet -> c.setExternalReferences(List.of(reference(
                ExternalReference.Type.DOCUMENTATION, sheet, "the datasheet (Gebru et al., Datasheets for Datasets)"))));
        return c;
    }

    private static String dataRef(BomSources.DataSet d) {
        return "data:" + d.name();
    }

    private static ExternalReference reference(ExternalReference.Type type, BomSources.Document file,
                                               String comment) {
        ExternalReference ref = new ExternalReference();
        ref.setType(type);
        ref.setUrl(file.url());
        ref.setComment(comment);
        ref.setHashes(List.of(new Hash(Hash.Algorithm.SHA_256, hex(file.digest()))));
        return ref;
    }

    private static String task(TaskType task) {
        return switch (task) {
            case BINARY -> "binary classification";
            case MULTICLASS -> "multiclass classification";
            case REGRESSION -> "regression";
        };
    }

    private static String hex(String digest) {
        return digest.substring(digest.indexOf(':') + 1);
    }

    private static UUID serial(BomSources s) {
        StringBuilder key = new StringBuilder(s.artefacts().candidate().digest()).append('\n')
                .append(s.timestamp()).append('\n').append(s.policy().digest());
        s.results().forEach(r -> key.append('\n').append(r.file().digest()));
        return UUID.nameUUIDFromBytes(key.toString().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }
}
