package org.mailautoconf.registry.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.mailautoconf.registry.load.ProblemAssert.assertThatProblem;
import static org.mailautoconf.registry.load.ProviderDir.provider;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider file larger than the limit is refused on its size, without being read: a 300 MB
 * file in providers.d read whole would exhaust the heap of the shipped unit.
 */
class FileSizeLimitTest {

    @TempDir
    Path tmp;

    /** A sparse file: its size costs no disk and no time to make, but reading it costs both. */
    private Path sparse(String name, long size) throws IOException {
        Path p = tmp.resolve(name);
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(size);
        }
        return p;
    }

    @Test
    void aFileOfManyGigabytes_isRefusedOnItsSize_withoutBeingRead() throws Exception {
        ProviderDir dir = new ProviderDir(tmp).file("acme.yaml", provider("acme", "acme.example"));
        long size = 8L << 30;
        sparse("huge.yaml", size);
        // Reading 8 GiB, even of a sparse file's zeros, takes minutes and more heap than any test has.
        LoadResult result = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> dir.load());
        assertThat(result.registry()).isEmpty();
        assertThatProblem(result, "file-too-large").isError().at("huge.yaml", 1, 1);
        assertThat(result.problems()).hasSize(1);
        assertThat(result.problems().get(0).message()).contains(size + " bytes").contains("3 MiB");
    }

    @Test
    void aFileJustOverTheLimit_isRefused_andOneAtTheLimitIsRead() throws Exception {
        ProviderDir dir = new ProviderDir(tmp).file("acme.yaml", provider("acme", "acme.example"));
        sparse("over.yaml", BoundedRead.MAX_BYTES + 1L);
        assertThatProblem(dir.load(), "file-too-large").isError().at("over.yaml", 1, 1);

        Files.delete(tmp.resolve("over.yaml"));
        // Exactly the limit: read and parsed (NUL bytes are not YAML, which proves it was read).
        sparse("full.yaml", BoundedRead.MAX_BYTES);
        LoadResult atLimit = dir.load();
        assertThat(atLimit.problems()).noneMatch(p -> p.code().equals("file-too-large"));
        assertThatProblem(atLimit, "yaml-syntax").isError();
    }

    @Test
    void aFileThatGrowsAfterItsSizeWasChecked_isReadNoFurtherThanTheLimit() throws Exception {
        // A FIFO stands for a file that grows without end while it is read: the writer below never
        // stops, so only a read that stops at the limit returns at all.
        Path fifo = tmp.resolve("growing");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(mkfifo.exitValue()).isZero();
        Thread writer = new Thread(() -> {
            byte[] chunk = "id: x\n".repeat(1000).getBytes();
            try (OutputStream out = Files.newOutputStream(fifo)) {
                while (true) {
                    out.write(chunk);
                }
            } catch (IOException e) {
                // the reader closed the pipe: done
            }
        }, "fifo-writer");
        writer.setDaemon(true);
        writer.start();
        int limit = 64 * 1024;
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertThatThrownBy(() -> BoundedRead.read(fifo, limit)).isInstanceOf(BoundedRead.TooLarge.class);
            writer.join();
        });
    }

    @Test
    void aFileWithinTheLimit_isReadWhole() throws Exception {
        Path small = Files.writeString(tmp.resolve("small.yaml"), "x".repeat(1000));
        assertThat(BoundedRead.read(small, 1000)).hasSize(1000);
        assertThatThrownBy(() -> BoundedRead.read(small, 999)).isInstanceOf(BoundedRead.TooLarge.class);
    }
}
