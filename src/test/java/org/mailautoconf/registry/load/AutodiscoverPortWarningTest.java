package org.mailautoconf.registry.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Thunderbird reads STARTTLS from an Autodiscover answer's port; a file that disagrees gets a warning. */
class AutodiscoverPortWarningTest {

    @Test
    void load_securityThatDisagreesWithThePortRuleIsWarned() {
        LoadResult result = new RegistryLoader().load(Path.of("src/test/resources/providers/port-mismatch"), Optional.empty());
        assertThat(result.registry()).isPresent();
        assertThat(result.problems()).filteredOn(p -> p.code().equals("autodiscover-port-security"))
                .extracting(Problem::field)
                .containsExactlyInAnyOrder("incoming[0].port", "outgoing[0].port");
    }

    @Test
    void load_shippedProvidersFollowThePortRule() {
        LoadResult result = new RegistryLoader().load(Path.of("providers.d"), Optional.empty());
        assertThat(result.problems()).noneMatch(p -> p.code().equals("autodiscover-port-security"));
    }
}
