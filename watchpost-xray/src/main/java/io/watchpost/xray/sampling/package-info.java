/** X-Ray centralized sampling: reservoir quotas and statistics ({@link io.watchpost.xray.sampling.SamplingTargetsService}). */
package io.watchpost.xray.sampling;
