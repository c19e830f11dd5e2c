package io.kubelauncher.testkit.cluster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A container's combined stdout and stderr, kept in a file in the kubelet's CRI log format: one
 * record per line, {@code <RFC3339Nano time> stdout <F|P> <bytes>}, where P marks a partial line
 * (output that did not end in a newline before the process paused). The time stamps are what
 * {@code sinceTime} and {@code timestamps} work from.
 */
final class ContainerLog {

  /** One log record: when it was written, whether it ends a line, and its bytes. */
  record Entry(Instant time, String timeText, boolean partial, byte[] content, long endOffset) {
    byte[] render(boolean timestamps) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 40);
      if (timestamps) {
        out.writeBytes((timeText + " ").getBytes(StandardCharsets.US_ASCII));
      }
      out.writeBytes(content);
      if (!partial) {
        out.write('\n');
      }
      return out.toByteArray();
    }
  }

  private final Path file;
  private final Clock clock;
  private volatile boolean complete;

  ContainerLog(Path file, Clock clock) {
    this.file = file;
    this.clock = clock;
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, new byte[0]);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the container log " + file, e);
    }
  }

  Path file() {
    return file;
  }

  /** True once the process's output has ended and every byte of it is in the file. */
  boolean complete() {
    return complete;
  }

  /** Copies a process's output into the log until it ends. Blocks: run it on its own thread. */
  void pump(InputStream output) {
    try (output; OutputStream log = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
      byte[] buffer = new byte[8192];
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      int read;
      while ((read = output.read(buffer)) >= 0) {
        int start = 0;
        for (int i = 0; i < read; i++) {
          if (buffer[i] == '\n') {
            line.write(buffer, start, i - start);
            write(log, false, line);
            start = i + 1;
          }
        }
        line.write(buffer, start, read - start);
        if (line.size() > 0 && (output.available() == 0 || line.size() >= 16 * 1024)) {
          write(log, true, line);
        }
      }
      if (line.size() > 0) {
        write(log, true, line);
      }
    } catch (IOException e) {
      // the process's pipe broke: what was read is in the log
    } finally {
      complete = true;
    }
  }

  private void write(OutputStream log, boolean partial, ByteArrayOutputStream line) throws IOException {
    String time = DateTimeFormatter.ISO_INSTANT.format(clock.instant());
    ByteArrayOutputStream record = new ByteArrayOutputStream(line.size() + 48);
    record.writeBytes((time + " stdout " + (partial ? "P " : "F ")).getBytes(StandardCharsets.US_ASCII));
    line.writeTo(record);
    record.write('\n');
    log.write(record.toByteArray());
    log.flush();
    line.reset();
  }

  /** The complete records from {@code offset} on (a record still being written is left for later). */
  List<Entry> read(long offset) {
    List<Entry> entries = new ArrayList<>();
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long length = in.length();
      if (offset >= length) {
        return entries;
      }
      byte[] bytes = new byte[(int) Math.min(length - offset, 64L * 1024 * 1024)];
      in.seek(offset);
      in.readFully(bytes);
      int start = 0;
      for (int i = 0; i < bytes.length; i++) {
        if (bytes[i] == '\n') {
          entries.add(parse(bytes, start, i, offset + i + 1));
          start = i + 1;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the container log " + file, e);
    }
    return entries;
  }

  private static Entry parse(byte[] bytes, int start, int end, long endOffset) {
    int firstSpace = indexOf(bytes, start, end, (byte) ' ');
    int secondSpace = indexOf(bytes, firstSpace + 1, end, (byte) ' ');
    int thirdSpace = indexOf(bytes, secondSpace + 1, end, (byte) ' ');
    String time = new String(bytes, start, firstSpace - start, StandardCharsets.US_ASCII);
    boolean partial = bytes[secondSpace + 1] == 'P';
    byte[] content = java.util.Arrays.copyOfRange(bytes, thirdSpace + 1, end);
    return new Entry(Instant.parse(time), time, partial, content, endOffset);
  }

  private static int indexOf(byte[] bytes, int from, int end, byte b) {
    for (int i = from; i < end; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    throw new IllegalStateException("corrupt container log record");
  }
}
