#!/usr/bin/env python3
"""Mixed load against a running application (issue 12): reads and figure imports at once.

N clients (default 20) for D seconds (default 60). Each client loops: with probability
--import-share it re-imports one company's figures of one month (POST /api/imports/figures, CSV;
the actuals change a little each time, so every import really writes and recalculates), otherwise
it reads one of: the dashboard summary and trend, GET /api/kpi-results, GET /api/actions.

A 429 from the import cap is not an error: the client waits Retry-After seconds and sends the same
file again, as a real client would (counted under "429 retried"). Everything else that is not 2xx,
and every connection failure or timeout, is an error.

Prints calls, errors and p50/p95/max latency per call type, and the application's RSS (VmRSS, and
VmHWM = peak) from /proc/<pid>/status before and after; the pid is --pid or found by the port.
Exit status 1 when there was any error. Python 3 standard library only.

Example (application on port 18090, demo data, admin password 'load-admin-secret'):
  python3 scripts/load-run.py --base http://127.0.0.1:18090 --reader secgen:Trial-2026! \
      --importer admin:load-admin-secret
"""
import argparse
import base64
import json
import os
import random
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--base", default="http://127.0.0.1:8080")
    p.add_argument("--reader", default="secgen:demo", help="user:password for the reads")
    p.add_argument("--importer", default="admin:admin", help="user:password for the imports")
    p.add_argument("--clients", type=int, default=20)
    p.add_argument("--duration", type=float, default=60.0, help="seconds")
    p.add_argument("--import-share", type=float, default=0.2, help="share of calls that are imports")
    p.add_argument("--period", help="month to read and import (default: the latest with figures)")
    p.add_argument("--company", help="company code (default: the first visible)")
    p.add_argument("--pid", type=int, help="the application's pid (default: found by the port)")
    p.add_argument("--timeout", type=float, default=60.0, help="seconds per call")
    return p.parse_args()


def auth(user):
    return "Basic " + base64.b64encode(user.encode("utf-8")).decode("ascii")


def call(base, path, user, timeout, data=None, content_type=None):
    """(status, headers, body bytes); HTTP errors are answers, not exceptions."""
    req = urllib.request.Request(base + path, data=data, method="POST" if data is not None else "GET")
    req.add_header("Authorization", auth(user))
    if content_type:
        req.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def multipart(filename, content):
    boundary = "----load" + uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{filename}\"\r\n"
            f"Content-Type: text/csv\r\n\r\n").encode("utf-8") + content + f"\r\n--{boundary}--\r\n".encode("utf-8")
    return body, "multipart/form-data; boundary=" + boundary


def pid_by_port(port):
    """The pid that holds the listening socket of the port (Linux /proc)."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table) as f:
                next(f)
                for line in f:
                    cols = line.split()
                    if int(cols[1].rsplit(":", 1)[1], 16) == port and cols[3] == "0A":  # 0A = LISTEN
                        inodes.add(cols[9])
        except FileNotFoundError:
            pass
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            for fd in os.listdir(f"/proc/{pid}/fd"):
                link = os.readlink(f"/proc/{pid}/fd/{fd}")
                if link.startswith("socket:[") and link[8:-1] in inodes:
                    return int(pid)
        except (PermissionError, FileNotFoundError, ProcessLookupError):
            continue
    return None


def memory(pid):
    values = {}
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                key, _, rest = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    values[key] = int(rest.split()[0]) // 1024
    except (FileNotFoundError, TypeError):
        pass
    return values


def percentile(values, share):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = {}
        self.errors = {}
        self.retried = 0
        self.samples = []

    def record(self, kind, ms, ok, sample=None):
        with self.lock:
            self.latencies.setdefault(kind, []).append(ms)
            if not ok:
                self.errors[kind] = self.errors.get(kind, 0) + 1
                if sample and len(self.samples) < 5:
                    self.samples.append(sample)


def main():
    a = parse_args()
    port = urllib.parse.urlparse(a.base).port or 80
    pid = a.pid or pid_by_port(port)
    status, _, body = call(a.base, "/api/dashboard/filters", a.reader, a.timeout)
    if status != 200:
        raise SystemExit(f"GET /api/dashboard/filters answered {status}: {body[:300]!r}")
    filters = json.loads(body)
    periods = filters.get("periods") or []
    period = a.period or filters.get("latestPeriod") or (periods[-1] if periods else None)
    companies = filters.get("companies") or []
    company = a.company or filters.get("defaultCompany") or (companies[0].get("code") if companies else None)
    if not period or not company:
        raise SystemExit(f"no period or company to work on: {filters}")
    status, _, body = call(a.base, f"/api/figures?period={period}", a.importer, a.timeout)
    figures = [f for f in json.loads(body)] if status == 200 else []
    if not figures:
        raise SystemExit(f"no figures of {period} to re-import (GET /api/figures answered {status})")

    def figures_csv(rng):
        lines = ["period,unit_type,unit_code,kpi_code,target,actual"]
        for f in figures:
            actual = f.get("actual")
            if actual is not None:
                actual = round(float(actual) * (1 + rng.uniform(-0.02, 0.02)), 2 if float(actual) > 10 else 3)
            target = f.get("target")
            lines.append(",".join(str(v) if v is not None else "" for v in
                                  (f["period"], f["unitType"], f["unitCode"], f["kpiCode"], target, actual)))
        return ("\n".join(lines) + "\n").encode("utf-8")

    reads = [
        ("dashboard", f"/api/dashboard/summary?period={period}&unitCode={company}"),
        ("dashboard", f"/api/dashboard/trend?to={period}&unitCode={company}&months=12"),
        ("kpi-results", f"/api/kpi-results?period={period}"),
        ("actions", "/api/actions"),
    ]
    stats = Stats()
    before = memory(pid)
    deadline = time.monotonic() + a.duration

    def client(n):
        rng = random.Random(n)
        while time.monotonic() < deadline:
            try:
                if rng.random() < a.import_share:
                    data, ctype = multipart(f"load-{n}.csv", figures_csv(rng))
                    while True:
                        start = time.monotonic()
                        status, headers, body = call(a.base, "/api/imports/figures", a.importer, a.timeout, data, ctype)
                        ms = (time.monotonic() - start) * 1000
                        if status == 429 and headers.get("Retry-After"):
                            with stats.lock:
                                stats.retried += 1
                            time.sleep(float(headers["Retry-After"]))
                            continue
                        stats.record("import", ms, status == 200, f"import {status}: {body[:200]!r}")
                        break
                else:
                    kind, path = rng.choice(reads)
                    start = time.monotonic()
                    status, _, body = call(a.base, path, a.reader, a.timeout)
                    stats.record(kind, (time.monotonic() - start) * 1000, 200 <= status < 300,
                                 f"{path} {status}: {body[:200]!r}")
            except Exception as e:  # connection refused, reset, timeout
                stats.record("failure", 0.0, False, f"{type(e).__name__}: {e}")

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(a.clients)]
    began = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - began
    after = memory(pid)
    health, _, hbody = call(a.base, "/actuator/health", a.reader, a.timeout)

    total = sum(len(v) for v in stats.latencies.values())
    errors = sum(stats.errors.values())
    print(f"{a.clients} clients, {elapsed:.0f} s, company {company}, period {period}, "
          f"{len(figures)} figure rows per import, import share {a.import_share:.0%}")
    print(f"{'call':<12} {'calls':>7} {'errors':>7} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for kind in sorted(stats.latencies):
        v = stats.latencies[kind]
        print(f"{kind:<12} {len(v):>7} {stats.errors.get(kind, 0):>7} {percentile(v, .5):>8.0f} "
              f"{percentile(v, .95):>8.0f} {max(v):>8.0f}")
    print(f"{'total':<12} {total:>7} {errors:>7}   ({total / elapsed:.1f} calls/s; 429 retried after "
          f"Retry-After: {stats.retried})")
    print(f"pid {pid}: RSS before {before.get('VmRSS', '?')} MB, after {after.get('VmRSS', '?')} MB, "
          f"peak (VmHWM) {after.get('VmHWM', '?')} MB")
    print(f"health after: {health} {hbody[:60].decode('utf-8', 'replace')}")
    for s in stats.samples:
        print("error sample:", s)
    raise SystemExit(1 if errors or health != 200 else 0)


if __name__ == "__main__":
    main()
