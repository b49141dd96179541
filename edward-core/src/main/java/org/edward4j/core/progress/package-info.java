/**
 * Training progress display: {@link org.edward4j.core.progress.Progbar}, Edward's progress bar,
 * as a live single line on a terminal and as periodic full lines in logs and CI.
 */
package org.edward4j.core.progress;
