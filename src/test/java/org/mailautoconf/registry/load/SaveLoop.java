package org.mailautoconf.registry.load;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.mailautoconf.registry.Registry;

/**
 * A child JVM for {@link LastGoodFilesTest}: keeps two directories' files in a state directory,
 * one after the other, without end, until it is killed. Arguments: STATE_DIR DIR_A DIR_B.
 */
public final class SaveLoop {

    private SaveLoop() {
    }

    public static void main(String[] args) throws Exception {
        LastGoodFiles state = new LastGoodFiles(Path.of(args[0]));
        Path[] dirs = {Path.of(args[1]), Path.of(args[2])};
        Registry[] registries = new Registry[2];
        @SuppressWarnings("unchecked")
        Map<String, byte[]>[] hashes = (Map<String, byte[]>[]) new Map<?, ?>[2];
        for (int i = 0; i < 2; i++) {
            RegistryLoader loader = new RegistryLoader();
            registries[i] = loader.load(dirs[i], Optional.empty()).registry().orElseThrow();
            hashes[i] = loader.lastFileHashes();
        }
        for (long n = 0; ; n++) {
            int i = (int) (n % 2);
            state.save(dirs[i], registries[i], hashes[i], Instant.now());
        }
    }
}
