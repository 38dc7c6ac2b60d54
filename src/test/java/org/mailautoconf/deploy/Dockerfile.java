package org.mailautoconf.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Dockerfile's instructions as Docker reads them: comments dropped, {@code \} continuations joined. */
record Dockerfile(List<Instruction> instructions) {

    record Instruction(String keyword, String arguments, int stage) {}

    private static final Pattern ENV_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S*)");

    static Dockerfile parse(String text) {
        List<Instruction> out = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        int stage = -1;
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.startsWith("#") || (l.isEmpty() && pending.isEmpty())) {
                continue;
            }
            if (l.endsWith("\\")) {
                pending.append(l, 0, l.length() - 1).append(' ');
                continue;
            }
            pending.append(l);
            String whole = pending.toString().strip();
            pending.setLength(0);
            if (whole.isEmpty()) {
                continue;
            }
            int space = whole.indexOf(' ');
            String keyword = (space < 0 ? whole : whole.substring(0, space)).toUpperCase();
            if (keyword.equals("FROM")) {
                stage++;
            }
            out.add(new Instruction(keyword, space < 0 ? "" : whole.substring(space + 1).strip(), stage));
        }
        return new Dockerfile(out);
    }

    int lastStage() {
        return instructions.get(instructions.size() - 1).stage();
    }

    /** The instructions of one stage with that keyword. */
    List<String> all(String keyword, int stage) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword) && i.stage() == stage).map(Instruction::arguments).toList();
    }

    /** The last one of the final stage, as Docker uses it (ENTRYPOINT, CMD, USER). */
    String last(String keyword) {
        List<String> found = all(keyword, lastStage());
        if (found.isEmpty()) {
            throw new AssertionError("the final stage has no " + keyword);
        }
        return found.get(found.size() - 1);
    }

    /** The environment the final stage's ENV instructions give a container. */
    Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String args : all("ENV", lastStage())) {
            Matcher m = ENV_PAIR.matcher(args);
            while (m.find()) {
                String v = m.group(2);
                env.put(m.group(1), v.startsWith("\"") ? v.substring(1, v.length() - 1) : v);
            }
        }
        return env;
    }

    /** An exec-form (JSON array) ENTRYPOINT or CMD. */
    static List<String> execForm(String arguments) {
        try {
            return List.of(new ObjectMapper().readValue(arguments, String[].class));
        } catch (IOException e) {
            throw new UncheckedIOException("not an exec-form (JSON array) instruction: " + arguments, e);
        }
    }
}
