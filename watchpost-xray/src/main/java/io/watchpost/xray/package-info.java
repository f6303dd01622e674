/** X-Ray ({@code xray}): sampling rules ({@link io.watchpost.xray.SamplingRulesService}), persisted in the state journal. */
package io.watchpost.xray;
