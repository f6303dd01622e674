/** The built-in X-Ray daemon: UDP segments and the TCP sampling proxy ({@link io.watchpost.xray.daemon.XrayDaemon}). */
package io.watchpost.xray.daemon;
