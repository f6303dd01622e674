package io.watchpost.bench.workload;

/** DescribeLogGroups of a 50-group prefix in one page (a control-plane read); setup creates the groups. */
final class DescribeLogGroupsWorkload implements Workload {
    static final int GROUPS = 50;
    private final String prefix;

    DescribeLogGroupsWorkload(WorkloadSpec spec) {
        this.prefix = "/bench/describe/" + spec.runId() + "/";
    }

    @Override
    public String name() {
        return "DescribeLogGroups";
    }

    @Override
    public void setup(ServiceClients clients) {
        for (int i = 0; i < GROUPS; i++) {
            String name = prefix + "group-" + i;
            clients.logs().createLogGroup(r -> r.logGroupName(name));
        }
    }

    @Override
    public void call(ServiceClients clients, int worker) {
        clients.logs().describeLogGroups(r -> r.logGroupNamePrefix(prefix).limit(GROUPS));
    }

    @Override
    public void teardown(ServiceClients clients) {
        for (int i = 0; i < GROUPS; i++) {
            String name = prefix + "group-" + i;
            clients.logs().deleteLogGroup(r -> r.logGroupName(name));
        }
    }
}
