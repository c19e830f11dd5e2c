/** Length-prefixed framing of the stdin/stdout channel: a stream-oriented decoder and the frame encoder. */
package io.kubelauncher.api.frame;
