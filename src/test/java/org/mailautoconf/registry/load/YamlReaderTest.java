package org.mailautoconf.registry.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the reader makes of YAML's corners, read the way an admin wrote them. */
class YamlReaderTest {

    private final YamlReader reader = new YamlReader();
    private final List<Problem> problems = new ArrayList<>();

    private YamlNode.Mapping read(String text) {
        YamlNode root = reader.read("p.yaml", text, problems);
        assertThat(root).as("problems: %s", problems).isInstanceOf(YamlNode.Mapping.class);
        return (YamlNode.Mapping) root;
    }

    private YamlNode.Scalar scalar(YamlNode.Mapping m, String key) {
        return (YamlNode.Scalar) m.entry(key).orElseThrow().value();
    }

    @Test
    void plainScalars_areTypedAsYaml11ReadsThem_quotedOnesAreText() {
        var m = read("""
                port: 993
                quoted: "993"
                ratio: 1.5
                empty:
                tilde: ~
                quotedEmpty: ""
                host: imap.example.org
                """);

        assertThat(scalar(m, "port")).extracting(YamlNode.Scalar::kind, YamlNode.Scalar::text)
                .containsExactly(YamlNode.Kind.INTEGER, "993");
        assertThat(scalar(m, "quoted").kind()).isEqualTo(YamlNode.Kind.STRING);
        assertThat(scalar(m, "ratio").kind()).isEqualTo(YamlNode.Kind.DECIMAL);
        assertThat(scalar(m, "empty")).extracting(YamlNode.Scalar::kind, YamlNode.Scalar::text)
                .containsExactly(YamlNode.Kind.STRING, "");
        assertThat(scalar(m, "tilde").kind()).isEqualTo(YamlNode.Kind.NULL);
        assertThat(scalar(m, "quotedEmpty")).extracting(YamlNode.Scalar::kind, YamlNode.Scalar::text)
                .containsExactly(YamlNode.Kind.STRING, "");
        assertThat(scalar(m, "host").kind()).isEqualTo(YamlNode.Kind.STRING);
        assertThat(problems).isEmpty();
    }

    @Test
    void yesAndOn_areTrue_noAndOff_areFalse_notMisreadAsFalse() {
        var m = read("""
                a: yes
                b: On
                c: TRUE
                d: no
                e: off
                f: "yes"
                """);

        assertThat(scalar(m, "a")).extracting(YamlNode.Scalar::kind, YamlNode.Scalar::text)
                .containsExactly(YamlNode.Kind.BOOLEAN, "true");
        assertThat(scalar(m, "b").text()).isEqualTo("true");
        assertThat(scalar(m, "c").text()).isEqualTo("true");
        assertThat(scalar(m, "d")).extracting(YamlNode.Scalar::kind, YamlNode.Scalar::text)
                .containsExactly(YamlNode.Kind.BOOLEAN, "false");
        assertThat(scalar(m, "e").text()).isEqualTo("false");
        assertThat(scalar(m, "f").kind()).isEqualTo(YamlNode.Kind.STRING);
    }

    @Test
    void explicitTags_decideTheKind_andAnOddTagIsText_notACrash() {
        var m = read("""
                port: !!str 993
                number: !!int "993"
                notANumber: !!int abc
                custom: !x%20 PoliTo
                """);

        assertThat(scalar(m, "port").kind()).isEqualTo(YamlNode.Kind.STRING);
        assertThat(scalar(m, "number").kind()).isEqualTo(YamlNode.Kind.INTEGER);
        assertThat(scalar(m, "notANumber").kind()).isEqualTo(YamlNode.Kind.STRING);
        assertThat(scalar(m, "custom")).extracting(YamlNode.Scalar::kind, YamlNode.Scalar::text)
                .containsExactly(YamlNode.Kind.STRING, "PoliTo");
    }

    @Test
    void wholeNumbers_areDecimalHexOctalOrBinary_notBase60() {
        var m = read("""
                hex: 0x1F
                grouped: 1_000
                time: 12:30
                negative: -5
                """);

        assertThat(scalar(m, "hex").kind()).isEqualTo(YamlNode.Kind.INTEGER);
        assertThat(scalar(m, "grouped").kind()).isEqualTo(YamlNode.Kind.INTEGER);
        assertThat(scalar(m, "time")).extracting(YamlNode.Scalar::kind, YamlNode.Scalar::text)
                .containsExactly(YamlNode.Kind.STRING, "12:30");
        assertThat(scalar(m, "negative").kind()).isEqualTo(YamlNode.Kind.INTEGER);
    }

    @Test
    void anAnchorWithoutAnAlias_isAccepted() {
        var m = read("""
                id: &name acme
                base: &imap {port: 993}
                """);

        assertThat(scalar(m, "id").text()).isEqualTo("acme");
        assertThat(problems).isEmpty();
    }

    @Test
    void everyNodeAndKey_knowsItsLineAndColumn() {
        var m = read("""
                id: acme
                incoming:
                  - type: imap
                    port: 993
                """);

        var incoming = (YamlNode.Sequence) m.entry("incoming").orElseThrow().value();
        var server = (YamlNode.Mapping) incoming.items().get(0);
        var port = server.entry("port").orElseThrow();
        assertThat(m.entry("incoming").orElseThrow().keyLocation()).isEqualTo(new Location("p.yaml", 2, 1));
        assertThat(server.location()).isEqualTo(new Location("p.yaml", 3, 5));
        assertThat(port.keyLocation()).isEqualTo(new Location("p.yaml", 4, 5));
        assertThat(port.value().location()).isEqualTo(new Location("p.yaml", 4, 11));
    }

    @Test
    void anAlias_isRefusedWithAPointerToExtends_notReadAsTheAnchorsName() {
        YamlNode root = reader.read("p.yaml", """
                id: acme
                base: &imap
                  port: 993
                other: *imap
                """, problems);

        assertThat(root).isNull();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("yaml-alias");
            assertThat(p.location()).isEqualTo(new Location("p.yaml", 4, 8));
            assertThat(p.field()).isEqualTo("other");
            assertThat(p.message()).contains("*imap").contains("extends:");
        });
    }

    @Test
    void aMapAsAKey_isASyntaxProblemAtTheKey() {
        YamlNode root = reader.read("p.yaml", """
                id: acme
                ? [a, b]
                : value
                """, problems);

        assertThat(root).isNull();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("yaml-syntax");
            assertThat(p.location().line()).isEqualTo(2);
        });
    }

    @Test
    void nestingBeyondTheLimit_isAProblem_evenTwentyThousandDeep() {
        String deep = "id: acme\nx: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n";

        YamlNode root = reader.read("p.yaml", deep, problems);

        assertThat(root).isNull();
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.code()).isEqualTo("too-deep"));
    }

    @Test
    void aControlCharacter_isNamedWithItsLine() {
        YamlNode root = reader.read("p.yaml", "id: acme\nname: Ac\u0007me\n", problems);

        assertThat(root).isNull();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("yaml-syntax");
            assertThat(p.location()).isEqualTo(new Location("p.yaml", 2, 9));
            assertThat(p.message()).contains("U+0007");
        });
    }

    @Test
    void aControlCharacter_afterOldMacLineEnds_orAByteOrderMark_isPlacedRight() {
        reader.read("cr.yaml", "a: 1\rb: 2\rc: x\u0007\r", problems);
        reader.read("bom.yaml", "\uFEFFa: x\u0007\n", problems);
        reader.read("crlf.yaml", "a: 1\r\nb: x\u0007\r\n", problems);

        assertThat(problems).extracting(Problem::location).containsExactly(
                new Location("cr.yaml", 3, 5), new Location("bom.yaml", 1, 5), new Location("crlf.yaml", 2, 5));
    }

    @Test
    void aFileBeyondSnakeYamlsSizeLimit_isAProblem_notALoad() {
        // Many short lines, as a hoster's list of domains would be (one huge token is slow to scan).
        YamlNode root = reader.read("big.yaml", "id: acme\ndomains:\n" + "  - d.example\n".repeat(300_000), problems);

        assertThat(root).isNull();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("yaml-syntax");
            assertThat(p.location()).isEqualTo(new Location("big.yaml", 1, 1));
            assertThat(p.message()).contains("limit");
        });
    }

    @Test
    void aTrailingEmptyDocument_isNotASecondProvider() {
        read("id: acme\n---\n");
        read("id: acme\n--- ~\n");

        assertThat(problems).isEmpty();
    }
}
