"""Drives the real aws-xray-sdk for Python against Watchpost's daemon port.

Usage: xray_sdk_client.py HOST:PORT
Prints one JSON line: the trace id it sent, the sampling rule names the SDK fetched through the daemon's
sampling proxy, and the sampling targets it was granted.
"""
import json
import sys
import time

from aws_xray_sdk.core import xray_recorder
from aws_xray_sdk.core.sampling.connector import ServiceConnector

address = sys.argv[1]
xray_recorder.configure(daemon_address=address, sampling=False, context_missing="LOG_ERROR",
                        service="watchpost-e2e")

segment = xray_recorder.begin_segment("checkout")
segment.put_annotation("customer", "alice")
segment.put_http_meta("method", "GET")
segment.put_http_meta("url", "https://shop.example/cart")
segment.put_http_meta("status", 200)
sub = xray_recorder.begin_subsegment("db-query")
sub.namespace = "remote"
time.sleep(0.01)
xray_recorder.end_subsegment()
trace_id = segment.trace_id
xray_recorder.end_segment()

connector = ServiceConnector()
connector.setup_xray_client(ip=address.split(":")[0], port=int(address.split(":")[1]), client=None)
rules = connector.fetch_sampling_rules()
targets, _ = connector.fetch_sampling_target([r for r in rules if r.name == "Default"])
print(json.dumps({
    "traceId": trace_id,
    "rules": [r.name for r in rules],
    "targets": {name: {"rate": t["rate"], "quota": t["quota"]} for name, t in targets.items()},
}))
