// Readiness probe used by kafka.sh: exits 0 once the broker answers real Admin
// requests (an unfenced broker in DescribeCluster, then ListTopics). An open
// port is not enough: the listener is bound before the broker can serve.
// kafka.sh compiles it once into the cache against the fetched jars; it exists
// because kafka-tools (TopicCommand etc.) 4.4.0 was not on Maven Central.
// Exit codes: 0 ready, 1 timed out, 2 the broker process exited.
//
// Usage: java -cp "<classes>:<libs>/*" ReadyCheck <bootstrap> <timeoutSeconds> [brokerPid]
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

public class ReadyCheck {
    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        // Count the timeout from JVM start, so JVM startup is included.
        long elapsedMs = Duration.between(ProcessHandle.current().info().startInstant().orElse(Instant.now()), Instant.now()).toMillis();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[1])) - TimeUnit.MILLISECONDS.toNanos(elapsedMs);
        Long pid = args.length > 2 ? Long.valueOf(args[2]) : null;

        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "kafka-sh-ready-check");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, "200");

        Object last = "no unfenced broker in the cluster metadata yet";
        Admin admin = Admin.create(props);
        try {
            while (System.nanoTime() < deadline) {
                // Fail fast instead of waiting out the timeout if the broker died.
                if (pid != null && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    System.err.println("ReadyCheck: broker process " + pid + " exited");
                    System.exit(2);
                }
                try {
                    if (!admin.describeCluster().nodes().get(remainingMs(deadline), TimeUnit.MILLISECONDS).isEmpty()) {
                        admin.listTopics().names().get(remainingMs(deadline), TimeUnit.MILLISECONDS);
                        return;
                    }
                } catch (Exception e) {
                    last = e;
                }
                Thread.sleep(250);
            }
        } finally {
            admin.close(Duration.ZERO); // do not wait for calls still in flight
        }
        System.err.println("ReadyCheck: broker at " + bootstrap + " not ready: " + last);
        System.exit(1);
    }

    private static long remainingMs(long deadlineNanos) {
        return Math.max(1, Math.min(5000, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime())));
    }
}
