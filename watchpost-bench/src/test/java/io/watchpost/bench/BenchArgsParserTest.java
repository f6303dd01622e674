package io.watchpost.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchArgsParserTest {
    private final BenchArgsParser parser = new BenchArgsParser(List.of("PutMetricData", "PutLogEvents", "PutEvents"));

    private BenchArgs parse(String... argv) {
        BenchArgsParser.Result result = parser.parse(argv);
        assertThat(result.problems()).isEmpty();
        return result.args().orElseThrow();
    }

    private List<String> problems(String... argv) {
        BenchArgsParser.Result result = parser.parse(argv);
        assertThat(result.args()).isEmpty();
        return result.problems();
    }

    @Test
    void defaultsStartBothServersAndRunEveryWorkload() {
        BenchArgs args = parse();
        assertThat(args.launch()).containsExactly("watchpost", "moto");
        assertThat(args.endpoints()).isEmpty();
        assertThat(args.workloads()).containsExactly("PutMetricData", "PutLogEvents", "PutEvents");
        assertThat(args.concurrency()).isEqualTo(4);
        assertThat(args.duration()).isEqualTo(Duration.ofSeconds(20));
        assertThat(args.warmup()).isEqualTo(Duration.ofSeconds(5));
        assertThat(args.rounds()).isEqualTo(2);
        assertThat(args.roundDuration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(args.serverJar()).isEqualTo(Path.of("watchpost-server/target/watchpost-server.jar"));
        assertThat(args.python()).isEqualTo("python3");
    }

    @Test
    void readsEveryOptionInBothSpellings() {
        BenchArgs args = parse("--targets", "moto", "--workloads=putevents,PUTMETRICDATA", "--concurrency", "8",
                "--duration", "1500ms", "--warmup=0", "--rounds", "3", "--server-jar", "/tmp/w.jar",
                "--python", "/usr/bin/python3", "--endpoint", "local=http://127.0.0.1:4566", "--pid", "local=77");
        assertThat(args.launch()).containsExactly("moto");
        assertThat(args.workloads()).containsExactly("PutEvents", "PutMetricData");
        assertThat(args.concurrency()).isEqualTo(8);
        assertThat(args.duration()).isEqualTo(Duration.ofMillis(1500));
        assertThat(args.warmup()).isZero();
        assertThat(args.rounds()).isEqualTo(3);
        assertThat(args.roundDuration()).isEqualTo(Duration.ofMillis(500));
        assertThat(args.serverJar()).isEqualTo(Path.of("/tmp/w.jar"));
        assertThat(args.python()).isEqualTo("/usr/bin/python3");
        assertThat(args.endpoints()).containsExactly(
                new BenchArgs.ExternalEndpoint("local", URI.create("http://127.0.0.1:4566")));
        assertThat(args.pids()).isEqualTo(Map.of("local", 77L));
    }

    @Test
    void anEndpointAloneStartsNothing() {
        BenchArgs args = parse("--endpoint", "a=http://127.0.0.1:1", "--endpoint", "b=http://127.0.0.1:2");
        assertThat(args.launch()).isEmpty();
        assertThat(args.endpoints()).extracting(BenchArgs.ExternalEndpoint::name).containsExactly("a", "b");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertThat(problems("--targets", "watchpost,localstack", "--workloads", "Nope", "--concurrency", "0",
                "--duration", "soon", "--rounds", "x", "--colour", "red", "stray"))
                .containsExactlyInAnyOrder(
                        "unexpected argument: stray",
                        "unknown option --colour",
                        "unknown target 'localstack' (known: watchpost, moto)",
                        "unknown workload 'Nope' (known: PutMetricData, PutLogEvents, PutEvents)",
                        "--concurrency must be a whole number from 1 to 256: 0",
                        "--rounds must be a whole number from 1 to 100: x",
                        "--duration must be a duration such as 500ms, 20s or 2m, above 0 and at most 1h: soon");
    }

    @Test
    void boundsDurationsAndRejectsBadEndpoints() {
        assertThat(problems("--duration", "2h")).singleElement().asString().startsWith("--duration must be");
        assertThat(problems("--duration", "0")).singleElement().asString().startsWith("--duration must be");
        assertThat(problems("--endpoint", "x=ftp://h:1")).singleElement().asString().contains("http(s)://host:port");
        assertThat(problems("--endpoint", "nourl")).containsExactly("--endpoint must be NAME=URL: nourl");
        assertThat(problems("--endpoint", "moto=http://127.0.0.1:5000"))
                .containsExactly("endpoint name 'moto' is already taken");
        assertThat(problems("--pid", "ghost=12")).containsExactly("--pid must be NAME=PID for an --endpoint NAME: ghost=12");
        assertThat(problems("--targets", "moto,moto")).containsExactly("target 'moto' is given twice");
        assertThat(problems("--concurrency")).containsExactly("--concurrency needs a value");
        assertThat(problems("--rounds", "1", "--rounds", "2")).containsExactly("--rounds is given more than once");
    }

    @Test
    void nothingToMeasureIsAProblem() {
        assertThat(problems("--targets", "")).containsExactly("nothing to measure: give --targets or --endpoint");
    }

    @Test
    void helpWinsOverEverythingElse() {
        BenchArgsParser.Result result = parser.parse(new String[] {"--bogus", "--help"});
        assertThat(result.help()).isTrue();
        assertThat(parser.usage()).contains("PutMetricData, PutLogEvents, PutEvents").contains("--jmh");
    }

    @Test
    void parsesDurationUnits() {
        assertThat(BenchArgsParser.parseDuration("250ms")).contains(Duration.ofMillis(250));
        assertThat(BenchArgsParser.parseDuration("20s")).contains(Duration.ofSeconds(20));
        assertThat(BenchArgsParser.parseDuration("3m")).contains(Duration.ofMinutes(3));
        assertThat(BenchArgsParser.parseDuration("7")).contains(Duration.ofSeconds(7));
        assertThat(BenchArgsParser.parseDuration("1h")).isEmpty();
        assertThat(BenchArgsParser.parseDuration("-1s")).isEmpty();
    }
}
