/** CloudWatch Logs export tasks (CreateExportTask, DescribeExportTasks, CancelExportTask) writing gzip objects through the ObjectStore port. */
package io.watchpost.logs.export;
