package org.mailautoconf.registry.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A wrongly indented line is named as an indentation problem, at its line, with the column to line up with. */
class YamlIndentationTest {

    private final YamlReader reader = new YamlReader();
    private final List<Problem> problems = new ArrayList<>();

    private Problem only(String yaml) {
        assertThat(reader.read("p.yaml", yaml, problems)).isNull();
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    @Test
    void aKeyIndentedMoreThanTheKeyAbove_saysIndentationAndTheColumn() {
        Problem p = only("id: a\nname: A\n domains: [a.example]\n");

        assertThat(p.code()).isEqualTo("yaml-indentation");
        assertThat(p.location()).isEqualTo(new Location("p.yaml", 3, 2));
        assertThat(p.message()).startsWith("bad indentation: line 3 is indented more than the key on line 2")
                .contains("(column 1 here)");
    }

    @Test
    void aKeyInAListItemIndentedTooFar_namesTheColumnAfterTheDash() {
        Problem p = only("id: a\nincoming:\n  - type: imap\n     port: 993\n");

        assertThat(p.code()).isEqualTo("yaml-indentation");
        assertThat(p.location()).isEqualTo(new Location("p.yaml", 4, 6));
        assertThat(p.message()).contains("(column 5 here)");
    }

    @Test
    void aLineBetweenTwoLevels_namesTheListItCannotContinue() {
        Problem p = only("id: a\nincoming:\n  - type: imap\n   port: 993\n");

        assertThat(p.code()).isEqualTo("yaml-indentation");
        assertThat(p.location()).isEqualTo(new Location("p.yaml", 4, 4));
        assertThat(p.message()).isEqualTo("bad indentation: column 4 lines up with no key or '-' above it; the list that began"
                + " at line 3, column 3 cannot go on here (start the line in the column of the key or '-' it belongs with)");
    }

    @Test
    void aListLessIndentedThanItsFirstItem_isIndentationToo() {
        Problem p = only("id: a\nincoming:\n    - type: imap\n  - type: pop3\n");

        assertThat(p.code()).isEqualTo("yaml-indentation");
        assertThat(p.location()).isEqualTo(new Location("p.yaml", 4, 3));
        assertThat(p.message()).contains("the map that began at line 1, column 1");
    }

    @Test
    void aTab_isNamedAsIndentation() {
        Problem p = only("id: a\n\tname: A\n");

        assertThat(p.code()).isEqualTo("yaml-indentation");
        assertThat(p.message()).isEqualTo("bad indentation: a tab indents line 2; YAML indents with spaces only");
    }

    @Test
    void anUnquotedColonInAValue_staysASyntaxProblem() {
        Problem p = only("id: a\nname: Acme: mail\n");

        assertThat(p.code()).isEqualTo("yaml-syntax");
        assertThat(p.message()).contains("mapping values are not allowed here");
    }
}
