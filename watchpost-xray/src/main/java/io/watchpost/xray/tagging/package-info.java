/** X-Ray resource tags: TagResource, UntagResource and ListTagsForResource over groups and sampling rules. */
package io.watchpost.xray.tagging;
