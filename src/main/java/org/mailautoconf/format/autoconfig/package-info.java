/** Mozilla autoconfig ({@code config-v1.1.xml}) for Thunderbird and Thunderbird for Android. */
package org.mailautoconf.format.autoconfig;
