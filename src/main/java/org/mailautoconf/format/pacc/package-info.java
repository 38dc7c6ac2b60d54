/**
 * PACC (draft-ietf-mailmaint-pacc): the JSON configuration document at
 * {@code https://ua-auto-config.<domain>/.well-known/user-agent-configuration.json}, trusted by
 * clients only when its SHA-256 matches the {@code _ua-auto-config.<domain>} TXT record.
 */
package org.mailautoconf.format.pacc;
