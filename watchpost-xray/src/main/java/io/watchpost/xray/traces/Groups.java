package io.watchpost.xray.traces;

import io.watchpost.core.AwsError;
import io.watchpost.core.ConstraintViolations;
import io.watchpost.core.PageTokens;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.store.StateJournal;
import io.watchpost.store.StateTable;
import io.watchpost.xray.tagging.TaggedResources;
import io.watchpost.xray.filter.FilterExpression;
import io.watchpost.xray.filter.TraceFacts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.xray.model.CreateGroupRequest;
import software.amazon.awssdk.services.xray.model.CreateGroupResponse;
import software.amazon.awssdk.services.xray.model.DeleteGroupRequest;
import software.amazon.awssdk.services.xray.model.DeleteGroupResponse;
import software.amazon.awssdk.services.xray.model.GetGroupRequest;
import software.amazon.awssdk.services.xray.model.GetGroupResponse;
import software.amazon.awssdk.services.xray.model.GetGroupsRequest;
import software.amazon.awssdk.services.xray.model.GetGroupsResponse;
import software.amazon.awssdk.services.xray.model.InsightsConfiguration;
import software.amazon.awssdk.services.xray.model.Tag;
import software.amazon.awssdk.services.xray.model.UpdateGroupRequest;
import software.amazon.awssdk.services.xray.model.UpdateGroupResponse;

/**
 * X-Ray groups: CreateGroup, GetGroup, GetGroups, UpdateGroup, DeleteGroup, stored in the {@code xray.groups}
 * state table. The {@code Default} group (every trace, no filter expression) exists implicitly in every account
 * and region and cannot be changed or deleted. Thread-safety: writes are serialized on the table.
 */
final class Groups {
    static final String DEFAULT = "Default";
    static final int MAX_GROUPS = 25;
    static final int PAGE_SIZE = 100;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]+");

    /** A group with its compiled filter expression, what trace queries evaluate. */
    record Compiled(String name, String arn, FilterExpression filter) {
        TraceFacts.GroupRef ref() {
            return new TraceFacts.GroupRef(name, arn);
        }
    }

    private final StateTable<GroupRecord> table;
    private final Clock clock;
    private final PageTokens pageTokens;

    Groups(StateJournal journal, Clock clock, PageTokens pageTokens) {
        this.table = journal.table("xray.groups", GroupRecord.class);
        this.clock = clock;
        this.pageTokens = pageTokens;
    }

    ApiHandlers handlers() {
        return ApiHandlers.builder()
                .on(CreateGroupRequest.class, this::createGroup)
                .on(GetGroupRequest.class, this::getGroup)
                .on(GetGroupsRequest.class, this::getGroups)
                .on(UpdateGroupRequest.class, this::updateGroup)
                .on(DeleteGroupRequest.class, this::deleteGroup)
                .build();
    }

    CreateGroupResponse createGroup(RequestContext context, CreateGroupRequest request) {
        ConstraintViolations violations = new ConstraintViolations();
        if (request.groupName() == null) {
            violations.missing("groupName");
        }
        violations.checkString("groupName", request.groupName(), 1, 32, null);
        if (request.hasTags() && request.tags().size() > 200) {
            violations.violated("tags", "Member must have length less than or equal to 200");
        }
        violations.throwIfAny(AwsError.XRAY_INVALID_REQUEST);
        String name = request.groupName();
        if (DEFAULT.equals(name) || !NAME.matcher(name).matches()) {
            throw TraceService.invalid("Invalid group name: " + name);
        }
        String filter = compile(request.filterExpression());
        boolean[] insights = insights(request.insightsConfiguration(), false, false);
        Map<String, String> tags = tags(request.hasTags() ? request.tags() : List.of());
        Scope scope = context.scope();
        synchronized (table) {
            if (table.get(scope.key(name)).isPresent()) {
                throw TraceService.invalid("Group with name " + name + " already exists");
            }
            if (list(scope).size() > MAX_GROUPS) {
                throw TraceService.invalid("Exceeded the maximum number of groups (" + MAX_GROUPS + ")");
            }
            GroupRecord group = new GroupRecord(name, arn(scope, name), filter, insights[0], insights[1], tags);
            table.put(scope.key(name), group);
            return CreateGroupResponse.builder().group(group.toGroup()).build();
        }
    }

    GetGroupResponse getGroup(RequestContext context, GetGroupRequest request) {
        return GetGroupResponse.builder()
                .group(find(context.scope(), request.groupName(), request.groupARN()).toGroup()).build();
    }

    GetGroupsResponse getGroups(RequestContext context, GetGroupsRequest request) {
        ConstraintViolations violations = new ConstraintViolations();
        violations.checkString("nextToken", request.nextToken(), 1, 100, null);
        violations.throwIfAny(AwsError.XRAY_INVALID_REQUEST);
        int from = 0;
        if (request.nextToken() != null) {
            String decoded = pageTokens.decode(request.nextToken())
                    .orElseThrow(() -> TraceService.invalid("Invalid NextToken"));
            try {
                from = Integer.parseInt(decoded);
            } catch (NumberFormatException e) {
                throw TraceService.invalid("Invalid NextToken");
            }
        }
        List<GroupRecord> all = list(context.scope());
        int to = Math.min(all.size(), from + PAGE_SIZE);
        return GetGroupsResponse.builder()
                .groups(all.subList(Math.min(from, to), to).stream().map(GroupRecord::toSummary).toList())
                .nextToken(to < all.size() ? pageTokens.encode(Integer.toString(to)) : null).build();
    }

    UpdateGroupResponse updateGroup(RequestContext context, UpdateGroupRequest request) {
        Scope scope = context.scope();
        synchronized (table) {
            GroupRecord group = find(scope, request.groupName(), request.groupARN());
            if (DEFAULT.equals(group.name())) {
                throw TraceService.invalid("Cannot update the Default group");
            }
            String filter = request.filterExpression() == null ? group.filterExpression()
                    : compile(request.filterExpression());
            boolean[] insights = insights(request.insightsConfiguration(), group.insightsEnabled(),
                    group.notificationsEnabled());
            GroupRecord updated = new GroupRecord(group.name(), group.arn(), filter, insights[0], insights[1],
                    group.tags());
            table.put(scope.key(group.name()), updated);
            return UpdateGroupResponse.builder().group(updated.toGroup()).build();
        }
    }

    DeleteGroupResponse deleteGroup(RequestContext context, DeleteGroupRequest request) {
        Scope scope = context.scope();
        synchronized (table) {
            GroupRecord group = find(scope, request.groupName(), request.groupARN());
            if (DEFAULT.equals(group.name())) {
                throw TraceService.invalid("Cannot delete the Default group");
            }
            table.remove(scope.key(group.name()));
        }
        return DeleteGroupResponse.builder().build();
    }

    /**
     * The group named by {@code name} or {@code arn} (at least one; both must agree).
     *
     * @throws io.watchpost.core.AwsException {@code InvalidRequestException} when neither is given, they are
     *     malformed or no such group exists
     */
    GroupRecord find(Scope scope, String name, String arn) {
        ConstraintViolations violations = new ConstraintViolations();
        violations.checkString("groupName", name, 1, 32, null);
        violations.checkString("groupARN", arn, 1, 400, null);
        violations.throwIfAny(AwsError.XRAY_INVALID_REQUEST);
        if (name == null && arn == null) {
            throw TraceService.invalid("Either GroupName or GroupARN must be provided");
        }
        Optional<GroupRecord> found = name != null ? lookup(scope, name)
                : list(scope).stream().filter(g -> g.arn().equals(arn)).findFirst();
        return found.filter(g -> arn == null || g.arn().equals(arn))
                .orElseThrow(() -> TraceService.invalid("Group not found"));
    }

    /** Groups as a kind of taggable resource; the implicit {@code Default} group cannot be tagged. */
    TaggedResources tagged() {
        return new TaggedResources() {
            @Override
            public boolean owns(String resource) {
                return resource.startsWith("group/");
            }

            @Override
            public Optional<Map<String, String>> tags(Scope scope, String arn) {
                return byArn(scope, arn).map(GroupRecord::tags);
            }

            @Override
            public Optional<Map<String, String>> updateTags(Scope scope, String arn,
                    UnaryOperator<Map<String, String>> change) {
                synchronized (table) {
                    Optional<GroupRecord> group = byArn(scope, arn);
                    if (group.isPresent() && DEFAULT.equals(group.get().name())) {
                        throw TraceService.invalid("The Default group cannot be tagged");
                    }
                    return group.map(g -> {
                        GroupRecord updated = new GroupRecord(g.name(), g.arn(), g.filterExpression(),
                                g.insightsEnabled(), g.notificationsEnabled(), change.apply(g.tags()));
                        table.put(scope.key(g.name()), updated);
                        return updated.tags();
                    });
                }
            }
        };
    }

    private Optional<GroupRecord> byArn(Scope scope, String arn) {
        return list(scope).stream().filter(g -> g.arn().equals(arn)).findFirst();
    }

    /** Every group of {@code scope} with its compiled filter, {@code Default} first. */
    List<Compiled> compiled(Scope scope) {
        return list(scope).stream()
                .map(g -> new Compiled(g.name(), g.arn(), FilterExpression.compile(g.filterExpression()))).toList();
    }

    /** {@code Default} first, then the stored groups by name. */
    private List<GroupRecord> list(Scope scope) {
        List<GroupRecord> all = new ArrayList<>();
        all.add(defaultGroup(scope));
        String prefix = scope.key("");
        table.view().forEach((key, group) -> {
            if (key.startsWith(prefix)) {
                all.add(group);
            }
        });
        return all;
    }

    private Optional<GroupRecord> lookup(Scope scope, String name) {
        return DEFAULT.equals(name) ? Optional.of(defaultGroup(scope)) : table.get(scope.key(name));
    }

    private static GroupRecord defaultGroup(Scope scope) {
        return new GroupRecord(DEFAULT, scope.arn("xray", "group/" + DEFAULT).toString(), "", false, false,
                Map.of());
    }

    /** Validates the expression by compiling it; stored as written. */
    private static String compile(String expression) {
        if (expression == null) {
            return "";
        }
        FilterExpression.compile(expression);
        return expression;
    }

    private static boolean[] insights(InsightsConfiguration config, boolean insights, boolean notifications) {
        boolean enabled = config == null || config.insightsEnabled() == null ? insights : config.insightsEnabled();
        boolean notify = config == null || config.notificationsEnabled() == null ? notifications
                : config.notificationsEnabled();
        if (notify && !enabled) {
            throw TraceService.invalid("Notifications can only be enabled on a group with insights enabled");
        }
        return new boolean[] {enabled, notify};
    }

    private static Map<String, String> tags(List<Tag> tags) {
        ConstraintViolations violations = new ConstraintViolations();
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < tags.size(); i++) {
            Tag tag = tags.get(i);
            if (tag == null || tag.key() == null || tag.value() == null) {
                violations.missing("tags." + (i + 1) + ".member." + (tag == null || tag.key() == null ? "key" : "value"));
                continue;
            }
            violations.checkString("tags." + (i + 1) + ".member.key", tag.key(), 1, 128, null);
            violations.checkString("tags." + (i + 1) + ".member.value", tag.value(), 0, 256, null);
            out.put(tag.key(), tag.value());
        }
        violations.throwIfAny(AwsError.XRAY_INVALID_REQUEST);
        if (out.size() > 50) {
            throw TraceService.invalid("Too many tags: a group can have at most 50 tags");
        }
        if (out.keySet().stream().anyMatch(k -> k.startsWith("aws:"))) {
            throw TraceService.invalid("Tag keys starting with aws: are reserved");
        }
        return out;
    }

    /** {@code group/<name>/<id>}: the id is derived from the scope, name and creation time. */
    private String arn(Scope scope, String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (scope.key(name) + "/" + clock.millis()).getBytes(StandardCharsets.UTF_8));
            String id = HexFormat.of().withUpperCase().formatHex(digest, 0, 13);
            return scope.arn("xray", "group/" + name + "/" + id).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
