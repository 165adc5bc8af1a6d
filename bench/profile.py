#!/usr/bin/env python3
"""Where a request's CPU time goes, from a JFR recording of the demo under one kind of request.

    python3 bench/profile.py recording.jfr [title]

Reads the recording's execution samples (`jfr print --json`) of the request threads (Tomcat's
http-nio-*-exec-*) and prints: where in the request each sample falls (the session lookup or save, the innermost filter, the
handler or Tomcat outside the filters), the share of each building
block (library) by the innermost frame outside the JDK, the methods most often on top of the stack, the JVM's and the machine's CPU load, and GC pauses.
The shares are of samples, which JFR takes of running threads, so they are shares of CPU time.
"""
import json
import subprocess
import sys
from collections import Counter

# Where in the request a sample falls, each sample counted once (adds up to 100%): the session
# lookup and save wherever they are called from, else the innermost filter or the handler on the
# stack (a filter's own work, not the filters after it), else Tomcat outside every filter.
SESSION_FIND = ("Spring Session: find the session in the store (with reading its attributes)", [
    "org.springframework.session.web.http.SessionRepositoryFilter$SessionRepositoryRequestWrapper.getRequestedSession"])
SESSION_SAVE = ("Spring Session: save the session", [
    "org.springframework.session.web.http.SessionRepositoryFilter$SessionRepositoryRequestWrapper.commitSession"])
HANDLER = "org.springframework.web.servlet.DispatcherServlet.doDispatch"
FILTER_METHODS = (".doFilter", ".doFilterInternal", ".doFilterNestedErrorDispatch", ".invoke")


def stage_of(frames):
    for label, marks in (SESSION_FIND, SESSION_SAVE):
        if any(f.startswith(m) for f in frames for m in marks):
            return label
    for frame in frames:
        if frame == HANDLER:
            return "handler: DispatcherServlet, controller, request and response bodies"
        cls, _, method = frame.rpartition(".")
        simple = cls.rsplit(".", 1)[-1].split("$")[0]
        if simple.endswith(("Filter", "FilterProxy", "FilterChain")) and ("." + method) in FILTER_METHODS \
                and simple not in ("OncePerRequestFilter", "ApplicationFilterChain", "VirtualFilterChain",
                                   "FilterChainProxy", "DelegatingFilterProxy", "GenericFilterBean"):
            return "filter: " + simple
    return "Tomcat, outside every filter (HTTP parsing and writing)"


# Building blocks: each sample goes to the innermost frame outside the JDK's own classes (or to
# Java serialization, when it is on the stack), so these add up to 100%.
BLOCKS = [
    ("Java serialization (java.io.Object*Stream)", ["java.io.ObjectInputStream", "java.io.ObjectOutputStream"]),
    ("JDBC driver (H2, PostgreSQL)", ["org.h2.", "org.postgresql."]),
    ("JDBC plumbing (Hikari, Spring JDBC and transactions)", ["com.zaxxer.hikari.", "org.springframework.jdbc.",
        "org.springframework.transaction."]),
    ("Redis client (Lettuce, Netty, Spring Data Redis)", ["io.lettuce.", "io.netty.", "org.springframework.data.redis."]),
    ("Jackson (session attributes, bodies)", ["tools.jackson.", "com.fasterxml.jackson."]),
    ("logging", ["ch.qos.logback.", "org.slf4j.", "org.apache.logging."]),
    ("Spring Session", ["org.springframework.session."]),
    ("Spring Security", ["org.springframework.security."]),
    ("spa-auth", ["dev.spaauth."]),
    ("Spring MVC and Spring core", ["org.springframework."]),
    ("Tomcat (HTTP parsing, writing, servlet plumbing)", ["org.apache.", "jakarta."]),
]


def frame_name(frame):
    method = frame["method"]
    return method["type"]["name"].replace("/", ".") + "." + method["name"]


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    path = sys.argv[1]
    title = sys.argv[2] if len(sys.argv) > 2 else path
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "400", "--events",
                          "jdk.ExecutionSample,jdk.CPULoad,jdk.GarbageCollection", path],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]
    samples, stages, blocks, top, other_threads = 0, Counter(), Counter(), Counter(), 0
    cpu, gc_pauses_ms, gc_count = [], 0.0, 0
    for event in events:
        kind, values = event["type"], event["values"]
        if kind == "jdk.CPULoad":
            cpu.append((values["jvmUser"] + values["jvmSystem"], values["machineTotal"]))
            continue
        if kind == "jdk.GarbageCollection":
            gc_count += 1
            gc_pauses_ms += duration_ms(values.get("sumOfPauses", "PT0S"))
            continue
        thread = (values.get("sampledThread") or {}).get("javaName") or ""
        if "-exec-" not in thread:
            other_threads += 1
            continue
        frames = [frame_name(f) for f in (values.get("stackTrace") or {}).get("frames", [])]
        if not frames:
            continue
        samples += 1
        top[frames[0]] += 1
        stages[stage_of(frames)] += 1
        blocks[block_of(frames)] += 1
    if samples == 0:
        print(f"{title}: no samples of request threads")
        return
    print(f"--- {title}: {samples} samples of request threads ({other_threads} of other threads)")
    print("   where in the request (innermost filter or stage on the stack; adds up to 100%):")
    for label, n in stages.most_common():
        if 100.0 * n / samples >= 0.5:
            print(f"   {100.0 * n / samples:5.1f}%  {label}")
    print("   building blocks (innermost frame outside the JDK; adds up to 100%):")
    for label, n in blocks.most_common():
        print(f"   {100.0 * n / samples:5.1f}%  {label}")
    print("   most often on top of the stack:")
    for name, n in top.most_common(12):
        print(f"   {100.0 * n / samples:5.1f}%  {name}")
    if cpu:
        jvm = sum(c[0] for c in cpu) / len(cpu)
        machine = sum(c[1] for c in cpu) / len(cpu)
        print(f"   CPU: the JVM {100 * jvm:.0f}% of the machine, all processes {100 * machine:.0f}% "
              f"(the rest is wrk and the store); GC: {gc_count} collections, {gc_pauses_ms:.0f} ms paused")


def block_of(frames):
    for label, marks in BLOCKS[:1]:
        if any(f.startswith(m) for f in frames for m in marks):
            return label
    for frame in frames:
        for label, marks in BLOCKS[1:]:
            if any(frame.startswith(m) for m in marks):
                return label
    return "JDK only (socket I/O, crypto, collections)"


def duration_ms(iso):
    # JFR prints durations as ISO-8601, e.g. "PT0.001234S"
    text = iso.replace("PT", "").rstrip("S")
    try:
        return float(text) * 1000.0
    except ValueError:
        return 0.0


if __name__ == "__main__":
    main()
