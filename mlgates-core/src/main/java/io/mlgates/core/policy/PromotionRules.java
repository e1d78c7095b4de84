package io.mlgates.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules of the {@code promotion} section that a schema cannot say: stage names distinct, every group named
 * is defined and large enough for its quorum, a stage that rides the train has one to ride, the time zone exists,
 * freeze dates exist and end after they start. A value of the wrong type is left to the schema's message.
 */
final class PromotionRules {
    private static final Pattern MOMENT = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}(T([01][0-9]|2[0-3]):[0-5][0-9])?");

    private PromotionRules() {
    }

    static void check(PolicyDocument document, JsonNode promotion, Problems problems) {
        new Rules(document, promotion, problems).check();
    }

    private record Rules(PolicyDocument document, JsonNode promotion, Problems problems) {
        void check() {
            JsonNode stages = promotion.path("stages");
            Map<String, Integer> seen = new HashMap<>();
            boolean trainStageWithoutGroup = false;
            for (int i = 0; i < stages.size(); i++) {
                JsonNode stage = stages.path(i);
                String at = "/promotion/stages/" + i;
                String shown = "promotion.stages[" + i + "]";
                JsonNode name = stage.path("name");
                if (name.isTextual() && !problems.isReported(at + "/name")) {
                    Integer first = seen.putIfAbsent(name.asText(), i);
                    if (first != null) {
                        problems.add(document.valueAt(at + "/name"), shown + ".name: stage '" + Texts.clip(name.asText())
                                + "' is listed twice (also at promotion.stages[" + first + "]); stage names must be"
                                + " distinct");
                    }
                }
                JsonNode approvals = stage.path("approvals");
                if (approvals.isObject()) {
                    group(approvals.path("group"), at + "/approvals/group", shown + ".approvals.group");
                    quorum(approvals.path("group"), approvals.path("quorum"), at + "/approvals/quorum",
                            shown + ".approvals.quorum");
                }
                boolean rides = stage.path("train").asBoolean(false);
                if (rides && !promotion.path("train").isObject() && !problems.isReported(at + "/train")) {
                    problems.add(document.valueAt(at + "/train"), shown + ".train: the stage rides the release train,"
                            + " but promotion.train defines none; add promotion.train or set train: false");
                }
                trainStageWithoutGroup |= rides && !approvals.isObject();
            }
            JsonNode emergency = promotion.path("emergency");
            if (emergency.isObject()) {
                JsonNode group = emergency.path("group");
                if (group.isMissingNode() && trainStageWithoutGroup && !problems.isReported("/promotion/emergency")) {
                    problems.add(document.keyAt("/promotion/emergency"), "promotion.emergency: name a group: a stage"
                            + " that rides the train has no approval group to take the emergency approvers from");
                }
                group(group, "/promotion/emergency/group", "promotion.emergency.group");
                quorum(group, emergency.path("quorum"), "/promotion/emergency/quorum", "promotion.emergency.quorum");
            }
            JsonNode train = promotion.path("train");
            if (train.isObject()) {
                zone(train.path("timeZone"));
                freezes(train.path("freezes"));
            }
        }

        private void group(JsonNode group, String pointer, String shown) {
            if (!group.isTextual() || problems.isReported(pointer)) {
                return;
            }
            List<String> defined = new ArrayList<>();
            promotion.path("groups").fieldNames().forEachRemaining(defined::add);
            if (!defined.contains(group.asText())) {
                StringBuilder message = new StringBuilder(shown + ": group '" + Texts.clip(group.asText())
                        + "' is not defined under promotion.groups");
                Suggestions.nearMiss(group.asText(), defined)
                        .ifPresent(s -> message.append("; did you mean '").append(s).append("'?"));
                message.append(defined.isEmpty() ? "; define it there with its members"
                        : " (defined: " + String.join(", ", defined) + ")");
                problems.add(document.valueAt(pointer), message.toString());
            }
        }

        private void quorum(JsonNode group, JsonNode quorum, String pointer, String shown) {
            JsonNode members = promotion.path("groups").path(group.asText());
            if (group.isTextual() && quorum.canConvertToInt() && members.isArray() && !problems.isReported(pointer)) {
                long distinct = new HashSet<>(texts(members)).size();
                if (quorum.intValue() > distinct) {
                    problems.add(document.valueAt(pointer), shown + ": quorum " + quorum.intValue() + " is more than"
                            + " the " + distinct + " distinct members of group '" + Texts.clip(group.asText())
                            + "'; it could never be reached");
                }
            }
        }

        private void zone(JsonNode zone) {
            String pointer = "/promotion/train/timeZone";
            if (!zone.isTextual() || problems.isReported(pointer)) {
                return;
            }
            try {
                ZoneId.of(zone.asText());
            } catch (DateTimeException e) {
                StringBuilder message = new StringBuilder("promotion.train.timeZone: '" + Texts.clip(zone.asText())
                        + "' is not a time zone; expected an IANA name such as Europe/Berlin, or UTC");
                Suggestions.nearMiss(zone.asText(), ZoneId.getAvailableZoneIds())
                        .ifPresent(s -> message.append("; did you mean '").append(s).append("'?"));
                problems.add(document.valueAt(pointer), message.toString());
            }
        }

        private void freezes(JsonNode freezes) {
            for (int i = 0; i < freezes.size(); i++) {
                String at = "/promotion/train/freezes/" + i;
                String shown = "promotion.train.freezes[" + i + "]";
                Optional<LocalDateTime> from = moment(freezes.path(i).path("from"), at + "/from", shown + ".from", false);
                Optional<LocalDateTime> until = moment(freezes.path(i).path("until"), at + "/until",
                        shown + ".until", true);
                if (from.isPresent() && until.isPresent() && !from.get().isBefore(until.get())) {
                    problems.add(document.valueAt(at + "/until"), shown + ": the freeze ends before it starts; until"
                            + " must be after from (a date as until means the end of that day)");
                }
            }
        }

        private Optional<LocalDateTime> moment(JsonNode value, String pointer, String shown, boolean end) {
            if (!value.isTextual() || !MOMENT.matcher(value.asText()).matches() || problems.isReported(pointer)) {
                return Optional.empty(); // the schema reports the form
            }
            try {
                return Optional.of(PolicyMapper.moment(value.asText(), end));
            } catch (DateTimeException e) {
                problems.add(document.valueAt(pointer), shown + ": '" + Texts.clip(value.asText())
                        + "' is not a date that exists");
                return Optional.empty();
            }
        }

        private static List<String> texts(JsonNode list) {
            List<String> texts = new ArrayList<>();
            list.forEach(n -> texts.add(n.asText()));
            return texts;
        }
    }
}
