/** File input and output shared by every module: atomic writes that never leave half a file. */
package org.edward4j.core.io;
