package org.mailautoconf.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The deployment files name only variables the service reads, and the docs name them all. */
class EnvironmentVariablesTest {

    @Test
    void theModel_findsTheVariablesOnTheOptions() {
        // Guards the two tests below against reading nothing from picocli's model.
        assertThat(DeployFiles.variablesTheCommandsRead()).contains("MAILAUTOCONF_LISTEN", "MAILAUTOCONF_PORT",
                "MAILAUTOCONF_PROVIDERS", "MAILAUTOCONF_PUBLIC_URL", "MAILAUTOCONF_SIGN_KEY");
    }

    @Test
    void everyVariableInTheDeployFiles_isOneTheCommandsRead() {
        Set<String> read = DeployFiles.variablesTheCommandsRead();
        List<Path> files = new ArrayList<>(DeployFiles.allDeployFiles());
        files.add(Path.of("docs/deploy.md"));
        Map<String, Set<String>> unknown = new TreeMap<>();
        int named = 0;
        for (Path f : files) {
            Set<String> names = DeployFiles.variablesNamed(DeployFiles.read(f));
            named += names.size();
            names.removeAll(read);
            if (!names.isEmpty()) {
                unknown.put(f.toString(), names);
            }
        }
        assertThat(named).as("variables named in deploy/ and docs/deploy.md").isGreaterThan(10);
        assertThat(unknown).as("variables no option of serve, validate or render reads (a typo is silently ignored)").isEmpty();
    }

    @Test
    void operationsDoc_namesEveryVariableTheCommandsRead() {
        assertThat(DeployFiles.variablesNamed(DeployFiles.read(Path.of("docs/operations.md"))))
                .isEqualTo(DeployFiles.variablesTheCommandsRead());
    }
}
