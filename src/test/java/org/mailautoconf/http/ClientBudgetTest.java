package org.mailautoconf.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClientBudgetTest {

    @Test
    void burstSpent_refusedWithTheWaitForTheNextToken_otherClientsUntouched() {
        ClientBudget budget = new ClientBudget(6, 2);

        assertThat(budget.take("192.0.2.1")).isEmpty();
        assertThat(budget.take("192.0.2.1")).isEmpty();
        assertThat(budget.take("192.0.2.1")).hasValueSatisfying(wait ->
                assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(10)));
        assertThat(budget.take("192.0.2.2")).isEmpty();
    }

    @Test
    void noLimit_neverRefuses() {
        ClientBudget budget = new ClientBudget(0, 1);

        for (int i = 0; i < 1_000; i++) {
            assertThat(budget.take("192.0.2.1")).isEmpty();
        }
    }

    @Test
    void ipv6_countedByItsSlash64() {
        ClientBudget budget = new ClientBudget(1, 1);

        assertThat(budget.take("2001:db8:1:2::1")).isEmpty();
        assertThat(budget.take("2001:db8:1:2:ffff:ffff:ffff:9")).as("same /64").isPresent();
        assertThat(budget.take("2001:db8:1:3::1")).as("next /64").isEmpty();
    }

    @Test
    void key_addressLiteralsOnly_neverALookup() {
        assertThat(ClientBudget.key("2001:db8:1:2::1")).isEqualTo(ClientBudget.key("[2001:db8:1:2:abcd::7]"));
        assertThat(ClientBudget.key("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(ClientBudget.key("192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(ClientBudget.key("localhost")).as("a name is never resolved").isEqualTo("other");
        assertThat(ClientBudget.key(null)).isEqualTo("other");
    }
}
