import java.nio.file.Path;
import java.util.Optional;
import org.mailautoconf.registry.load.LastGoodFiles;
import org.mailautoconf.registry.load.LoadResult;
import org.mailautoconf.registry.load.RegistryLoader;

/**
 * One cold load, timed, for bench/state-start: {@code yaml DIR} loads a provider directory,
 * {@code copy STATE_DIR} the state directory's copy. Each in a JVM of its own, so that neither
 * load finds the other's code compiled.
 */
public class StateLoadTime {
    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        LoadResult result = args[0].equals("yaml") ? new RegistryLoader().load(Path.of(args[1]), Optional.empty())
                : new LastGoodFiles(Path.of(args[1])).load(Optional.empty()).orElseThrow().result();
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println(millis + " ms, " + result.registry().orElseThrow().domainCount() + " domains");
    }
}
