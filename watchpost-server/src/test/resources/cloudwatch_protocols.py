"""Drives CloudWatch with boto3 in one wire protocol: query, json or smithy-rpc-v2-cbor.

botocore picks the first protocol of the service model it supports (CBOR for CloudWatch since botocore 1.4x); this
script writes a copy of the installed model that lists only the protocol asked for, puts it first on AWS_DATA_PATH,
then makes calls and prints what it saw as one JSON object on stdout.

usage: cloudwatch_protocols.py ENDPOINT PROTOCOL SCRATCH_DIR
"""
import datetime
import json
import os
import sys

endpoint, protocol, scratch = sys.argv[1], sys.argv[2], sys.argv[3]

import botocore.session  # noqa: E402

model = botocore.session.get_session().get_component("data_loader").load_service_model("cloudwatch", "service-2")
api_version = model["metadata"]["apiVersion"]
model["metadata"]["protocol"] = protocol
model["metadata"]["protocols"] = [protocol]
target = os.path.join(scratch, "cloudwatch", api_version)
os.makedirs(target, exist_ok=True)
with open(os.path.join(target, "service-2.json"), "w") as f:
    json.dump(model, f)
os.environ["AWS_DATA_PATH"] = scratch

import boto3  # noqa: E402
from botocore.exceptions import ClientError  # noqa: E402

cw = boto3.session.Session(region_name="us-east-1").client("cloudwatch", endpoint_url=endpoint)
seen = {"protocol": cw.meta.service_model.protocol}
ns = "Proto/" + protocol
now = datetime.datetime.now(datetime.timezone.utc).replace(second=0, microsecond=0)
start = now - datetime.timedelta(minutes=10)
dims = [{"Name": "Host", "Value": "a"}]

cw.put_metric_data(Namespace=ns, MetricData=[
    {"MetricName": "Latency", "Dimensions": dims, "Timestamp": start + datetime.timedelta(minutes=1), "Value": 10.0,
     "Unit": "Milliseconds"},
    {"MetricName": "Latency", "Dimensions": dims, "Timestamp": start + datetime.timedelta(minutes=1), "Value": 30.0,
     "Unit": "Milliseconds"},
    {"MetricName": "Latency", "Dimensions": dims, "Timestamp": start + datetime.timedelta(minutes=2),
     "StatisticValues": {"SampleCount": 2, "Sum": 50, "Minimum": 20, "Maximum": 30}, "Unit": "Milliseconds"},
])
stats = cw.get_metric_statistics(Namespace=ns, MetricName="Latency", Dimensions=dims, StartTime=start,
                                 EndTime=now, Period=60, Statistics=["Sum", "SampleCount", "Maximum"])
points = sorted(stats["Datapoints"], key=lambda p: p["Timestamp"])
seen["stats"] = [[p["Sum"], p["SampleCount"], p["Maximum"], p["Unit"]] for p in points]
seen["metrics"] = [m["MetricName"] for m in cw.list_metrics(Namespace=ns)["Metrics"]]
data = cw.get_metric_data(StartTime=start, EndTime=now, MetricDataQueries=[
    {"Id": "m", "MetricStat": {"Metric": {"Namespace": ns, "MetricName": "Latency", "Dimensions": dims},
                               "Period": 60, "Stat": "Sum"}, "ReturnData": False},
    {"Id": "doubled", "Expression": "m * 2", "Label": "doubled"}])
seen["math"] = sorted(data["MetricDataResults"][0]["Values"])
insights = cw.get_metric_data(StartTime=start, EndTime=now, MetricDataQueries=[
    {"Id": "q", "Expression": 'SELECT AVG(Latency) FROM SCHEMA("%s", Host) GROUP BY Host' % ns, "Period": 60}])
seen["insights"] = [[r["Label"], sorted(r["Values"])] for r in insights["MetricDataResults"]]

cw.put_metric_alarm(AlarmName="high", Namespace=ns, MetricName="Latency", Dimensions=dims, Statistic="Maximum",
                    Period=60, EvaluationPeriods=1, Threshold=100, ComparisonOperator="GreaterThanThreshold",
                    TreatMissingData="ignore", Tags=[{"Key": "team", "Value": "web"}])
alarm = cw.describe_alarms(AlarmNames=["high"])["MetricAlarms"][0]
seen["alarm"] = [alarm["StateValue"], alarm["Threshold"], alarm["Dimensions"][0]["Value"]]
cw.set_alarm_state(AlarmName="high", StateValue="ALARM", StateReason="protocol test")
seen["history"] = sorted({h["HistoryItemType"] for h in cw.describe_alarm_history(AlarmName="high")["AlarmHistoryItems"]})
arn = alarm["AlarmArn"]
seen["tags"] = cw.list_tags_for_resource(ResourceARN=arn)["Tags"]

cw.put_alarm_mute_rule(Name="window", Rule={"Schedule": {"Expression": "cron(0 2 * * *)", "Duration": "PT4H"}},
                       MuteTargets={"AlarmNames": ["high"]})
rules = cw.list_alarm_mute_rules(AlarmName="high")["AlarmMuteRuleSummaries"]
seen["muteRules"] = [[r["AlarmMuteRuleArn"].rsplit(":", 1)[1], r["MuteType"]] for r in rules]

try:
    cw.get_dashboard(DashboardName="missing")
    seen["error"] = None
except ClientError as e:
    seen["error"] = [e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"]]
try:
    cw.put_metric_alarm(AlarmName="bad", Namespace=ns, MetricName="Latency", Statistic="Maximum", Period=7,
                        EvaluationPeriods=1, Threshold=1, ComparisonOperator="GreaterThanThreshold")
    seen["invalid"] = None
except ClientError as e:
    seen["invalid"] = [e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"]]

print(json.dumps(seen))
