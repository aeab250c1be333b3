import java.lang.reflect.InvocationTargetException;

/**
 * Runs one of the codelibs runners (OpenSearchRunner, ElasticsearchClusterRunner)
 * as their own main() does, with two differences services/search-node.sh needs:
 * the HTTP port may lie above 9299 (the runners' default maxHttpPort), and a
 * node that fails to start prints why (their main() exits with "Closed all
 * nodes." only). Run in source-file mode: java -cp 'lib/*' SearchNode.java CLASS ARGS...
 * NODE_RUNNER_SETTINGS ("key=value" lines) go into the runner's own settings,
 * which it reads before its defaults: OpenSearch 3's runner makes a lone node
 * `discovery.type: single-node`, which a node of a cluster must override.
 */
public class SearchNode {
    public static void main(String[] args) throws Exception {
        Class<?> runnerClass = Class.forName(args[0]);
        Object runner = runnerClass.getConstructor().newInstance();
        runnerClass.getMethod("setMaxHttpPort", int.class).invoke(runner, 65535);
        String runnerSettings = System.getenv().getOrDefault("NODE_RUNNER_SETTINGS", "").strip();
        if (!runnerSettings.isEmpty()) {
            Class<?> builderInterface = Class.forName(args[0] + "$Builder");
            Object onBuild = java.lang.reflect.Proxy.newProxyInstance(
                builderInterface.getClassLoader(), new Class<?>[] {builderInterface}, (proxy, method, arguments) -> {
                    if (!method.getName().equals("build")) {
                        return method.invoke(runnerSettings, arguments);
                    }
                    Object settings = arguments[1];
                    for (String line : runnerSettings.split("\n")) {
                        String[] pair = line.split("=", 2);
                        settings.getClass().getMethod("put", String.class, String.class).invoke(settings, pair[0].strip(), pair[1].strip());
                    }
                    return null;
                });
            runnerClass.getMethod("onBuild", builderInterface).invoke(runner, onBuild);
        }
        String[] runnerArgs = java.util.Arrays.copyOfRange(args, 1, args.length);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> close(runnerClass, runner)));
        try {
            runnerClass.getMethod("build", String[].class).invoke(runner, (Object) runnerArgs);
        } catch (InvocationTargetException e) {
            System.err.println("The search node could not start:");
            e.getCause().printStackTrace();
            close(runnerClass, runner);
            System.exit(1);
        }
        while (!(Boolean) runnerClass.getMethod("isClosed").invoke(runner)) {
            Thread.sleep(5000);
        }
    }

    private static void close(Class<?> runnerClass, Object runner) {
        try {
            runnerClass.getMethod("close").invoke(runner);
        } catch (Exception e) {
            e.printStackTrace();
        }
    }
}
