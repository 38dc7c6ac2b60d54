package org.mailautoconf.registry;

import java.util.Optional;

/** config-v1.1's {@code <pop3>} options; each is optional and left to the client when absent. */
public record Pop3Options(
        Optional<Boolean> leaveMessagesOnServer,
        Optional<Integer> daysToLeaveMessagesOnServer,
        Optional<Boolean> downloadOnBiff,
        Optional<Integer> checkIntervalMinutes) {

    public boolean isEmpty() {
        return leaveMessagesOnServer.isEmpty() && daysToLeaveMessagesOnServer.isEmpty()
                && downloadOnBiff.isEmpty() && checkIntervalMinutes.isEmpty();
    }
}
