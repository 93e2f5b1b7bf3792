#!/usr/bin/env python3
"""Feature-boundary metrics for src/main/java/com/perftrack (issue 19).

Prints: cross-feature import lines per (from -> to) feature pair, public top-level
types per feature, and the strongly connected components (import cycles) among features.
A feature is a direct sub-package of com.perftrack. Imports (including static ones) and
fully-qualified references `com.perftrack.<other>.` in code both count.
Usage: python3 scripts/module-metrics.py [src/main/java]
"""
import os, re, sys
from collections import defaultdict

root = sys.argv[1] if len(sys.argv) > 1 else "src/main/java"
base = os.path.join(root, "com", "perftrack")
ref = re.compile(r"\bcom\.perftrack\.([a-z0-9_]+)\.")
pub = re.compile(r"^public\s+(?:final\s+|abstract\s+|sealed\s+|non-sealed\s+)*(class|interface|enum|record|@interface)\s", re.M)

pairs = defaultdict(int)
public = defaultdict(int)
files = defaultdict(int)
for dirpath, _, names in os.walk(base):
    rel = os.path.relpath(dirpath, base)
    if rel == ".":
        continue
    feature = rel.split(os.sep)[0]
    for n in names:
        if not n.endswith(".java"):
            continue
        text = open(os.path.join(dirpath, n), encoding="utf-8").read()
        files[feature] += 1
        if n != "package-info.java" and pub.search(text):
            public[feature] += 1
        for line in text.splitlines():
            s = line.strip()
            if s.startswith("package "):
                continue
            for other in set(ref.findall(s)):
                if other != feature:
                    pairs[(feature, other)] += 1

graph = defaultdict(set)
for (a, b) in pairs:
    graph[a].add(b)

# Tarjan SCC
index, low, stack, on, sccs, i = {}, {}, [], set(), [], [0]
def strong(v):
    index[v] = low[v] = i[0]; i[0] += 1; stack.append(v); on.add(v)
    for w in graph.get(v, ()):
        if w not in index:
            strong(w); low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop(); on.discard(w); comp.append(w)
            if w == v: break
        sccs.append(sorted(comp))
for v in sorted(set(files) | set(graph)):
    if v not in index:
        strong(v)

print("cross-feature reference lines (from -> to: lines)")
for (a, b), c in sorted(pairs.items()):
    print(f"  {a:13s} -> {b:13s} {c:3d}")
print(f"total cross-feature lines: {sum(pairs.values())}, feature pairs: {len(pairs)}")
print("\nfiles / public top-level types per feature")
for f in sorted(files):
    print(f"  {f:13s} files {files[f]:3d}  public {public[f]:3d}")
print(f"total files {sum(files.values())}, public top-level types {sum(public.values())}")
cycles = [c for c in sccs if len(c) > 1]
print("\nimport cycles (strongly connected feature sets):", cycles if cycles else "none")
two = sorted({tuple(sorted((a, b))) for (a, b) in pairs if (b, a) in pairs})
print("direct two-way pairs:", two if two else "none")
