package io.mlgates.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgates.core.board.Board;
import io.mlgates.core.board.BoardFilter;
import io.mlgates.core.board.BoardJson;
import io.mlgates.core.board.Boards;
import io.mlgates.core.board.ModelRow;
import io.mlgates.plugin.logic.board.BoardFixtures;
import java.beans.Introspector;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * {@code …/ml-gates/api/json} and {@code mlgates board --format json} read alike: the exported beans, walked as
 * Stapler walks them (each {@code @Exported} getter a property named after it), give the same tree as the core's
 * {@link BoardJson}, field for field and value for value; only Jenkins' {@code _class} is added in Jenkins.
 */
class BoardApiTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** The bean as Stapler writes it at the default depth, without Jenkins' {@code _class}. */
    static JsonNode tree(Object value) throws Exception {
        if (value == null) {
            return F.nullNode();
        }
        if (value instanceof String s) {
            return F.textNode(s);
        }
        if (value instanceof Integer i) {
            return F.numberNode(i);
        }
        if (value instanceof Boolean b) {
            return F.booleanNode(b);
        }
        if (value instanceof List<?> list) {
            ArrayNode array = F.arrayNode();
            for (Object o : list) {
                array.add(tree(o));
            }
            return array;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = F.objectNode();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                object.set((String) e.getKey(), tree(e.getValue()));
            }
            return object;
        }
        assertThat(value.getClass().isAnnotationPresent(ExportedBean.class)).as(value.getClass().getName()).isTrue();
        ObjectNode object = F.objectNode();
        for (Method m : value.getClass().getMethods()) {
            if (m.isAnnotationPresent(Exported.class)) {
                String name = m.getName().startsWith("is") ? m.getName().substring(2) : m.getName().substring(3);
                object.set(Introspector.decapitalize(name), tree(m.invoke(value)));
            }
        }
        return object;
    }

    @Test
    void theApiWritesWhatTheCliWritesForABoardWithEveryKindOfRow() throws Exception {
        Board board = BoardFixtures.board();

        assertThat(tree(new BoardApi(board))).isEqualTo(new BoardJson().toTree(board));
    }

    @Test
    void andForTheCoresOwnJudgementAndAFilter() throws Exception {
        List<io.mlgates.core.board.ModelFacts> facts = BoardFixtures.board().models().stream().map(ModelRow::facts)
                .toList();
        Board board = Boards.judge(facts, BoardFixtures.NOW, new BoardFilter(Optional.of("payments"), Optional.empty(),
                Optional.empty(), Optional.empty()));

        JsonNode api = tree(new BoardApi(board));
        assertThat(api).isEqualTo(new BoardJson().toTree(board));
        assertThat(api.get("models")).hasSize(1);
        assertThat(api.at("/filter/team").asText()).isEqualTo("payments");
    }

    @Test
    void theWholeBoardShowsAtTheDefaultDepth() {
        // Stapler shows a property nested n objects deep at the default depth when its visibility is at least n + 1:
        // board (1), model (2), candidate (3), gate result (4).
        for (Class<?> bean : BoardApi.class.getDeclaredClasses()) {
            if (bean.isAnnotationPresent(ExportedBean.class)) {
                assertThat(bean.getAnnotation(ExportedBean.class).defaultVisibility()).as(bean.getName())
                        .isGreaterThanOrEqualTo(4);
            }
        }
    }
}
