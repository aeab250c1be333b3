import java.lang.reflect.InvocationTargetException;

/**
 * Runs one of the codelibs runners (OpenSearchRunner, ElasticsearchClusterRunner)
 * as their own main() does, with two differences services/search-node.sh needs:
 * the HTTP port may lie above 9299 (the runners' default maxHttpPort), and a
 * node that fails to start prints why (their main() exits with "Closed all
 * nodes." only). Run in source-file mode: java -cp 'lib/*' SearchNode.java CLASS ARGS...
 */
public class SearchNode {
    public static void main(String[] args) throws Exception {
        Class<?> runnerClass = Class.forName(args[0]);
        Object runner = runnerClass.getConstructor().newInstance();
        runnerClass.getMethod("setMaxHttpPort", int.class).invoke(runner, 65535);
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
