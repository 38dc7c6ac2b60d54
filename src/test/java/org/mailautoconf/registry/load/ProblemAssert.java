package org.mailautoconf.registry.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractObjectAssert;

/**
 * Checks one {@link Problem}: where it is (file, line, column), which field, how severe and what
 * it says. Failures list every problem of the load, so a wrong line number is easy to see.
 */
final class ProblemAssert extends AbstractObjectAssert<ProblemAssert, Problem> {

    private ProblemAssert(Problem actual, String allProblems) {
        super(actual, ProblemAssert.class);
        describedAs("%s%nall problems:%n%s", actual, allProblems);
    }

    /** The only problem with this code. */
    static ProblemAssert assertThatProblem(LoadResult result, String code) {
        return only(result, result.problems().stream().filter(p -> p.code().equals(code)).toList(), code);
    }

    /** The only problem with this code on this field. */
    static ProblemAssert assertThatProblem(LoadResult result, String code, String field) {
        return only(result, result.problems().stream()
                .filter(p -> p.code().equals(code) && p.field().equals(field)).toList(), code + " on " + field);
    }

    private static ProblemAssert only(LoadResult result, List<Problem> matching, String what) {
        assertThat(matching).as("exactly one problem %s among:%n%s", what, listed(result)).hasSize(1);
        return new ProblemAssert(matching.get(0), listed(result));
    }

    /** Every problem, one per line, for failure messages. */
    static String listed(LoadResult result) {
        return result.problems().isEmpty() ? "(none)"
                : result.problems().stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }

    ProblemAssert isError() {
        return hasSeverity(Problem.Severity.ERROR);
    }

    ProblemAssert isWarning() {
        return hasSeverity(Problem.Severity.WARNING);
    }

    ProblemAssert isNote() {
        return hasSeverity(Problem.Severity.NOTE);
    }

    private ProblemAssert hasSeverity(Problem.Severity severity) {
        isNotNull();
        if (actual.severity() != severity) {
            failWithMessage("expected a %s but was a %s: %s", severity, actual.severity(), actual);
        }
        return this;
    }

    /** In the file of this name (inside the test's directory), at this line and column (from 1). */
    ProblemAssert at(String fileName, int line, int column) {
        isNotNull();
        Location at = actual.location();
        String name = Path.of(at.file()).getFileName().toString();
        if (!name.equals(fileName) || at.line() != line || at.column() != column) {
            failWithMessage("expected the problem at %s:%d:%d but it is at %s:%d:%d: %s",
                    fileName, line, column, name, at.line(), at.column(), actual);
        }
        return this;
    }

    ProblemAssert hasField(String field) {
        isNotNull();
        if (!actual.field().equals(field)) {
            failWithMessage("expected the field '%s' but was '%s': %s", field, actual.field(), actual);
        }
        return this;
    }

    /** The message contains this text (the part a person needs to fix the file). */
    ProblemAssert says(String part) {
        isNotNull();
        if (!actual.message().contains(part)) {
            failWithMessage("expected the message to contain \"%s\": %s", part, actual);
        }
        return this;
    }
}
