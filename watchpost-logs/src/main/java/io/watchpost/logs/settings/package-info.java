/** Log group settings: tags (both API families), account resource policies, KMS association, query definitions. */
package io.watchpost.logs.settings;
