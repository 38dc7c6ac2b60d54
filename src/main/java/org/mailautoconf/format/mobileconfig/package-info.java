/**
 * Apple configuration profiles ({@code .mobileconfig}) for iOS, iPadOS and macOS: the profile
 * renderer (through dd-plist), the name-based payload identities, and the CMS signer.
 */
package org.mailautoconf.format.mobileconfig;
