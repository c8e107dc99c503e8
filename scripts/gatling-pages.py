#!/usr/bin/env python3
"""Per-request figures of a Gatling run (issue 13): requests, requests per second, percentiles.

  scripts/gatling-pages.py [RUN_FOLDER] [--seconds N]

Reads RUN_FOLDER/js/stats.js (default: the newest run under target/gatling) and prints one row per
request: count, count / N seconds (the page's own measuring time, for PageSimulation's `duration`;
without --seconds, Gatling's mean over the whole run), p50, p75, p95, p99 and max in ms, and failures.
"""
import argparse
import json
import os
import re


def load(folder):
    text = open(os.path.join(folder, 'js', 'stats.js'), encoding='utf-8').read()
    text = text[text.index('{'):text.index('\nfunction ')]
    text = text[:text.rindex('}') + 1]
    text = re.sub(r'^(\s*)([A-Za-z_][A-Za-z0-9_]*):', r'\1"\2":', text, flags=re.M)
    return json.loads(text)


def rows(node):
    if node.get('type') == 'REQUEST':
        yield node['stats']
    for child in node.get('contents', {}).values():
        yield from rows(child)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('folder', nargs='?')
    parser.add_argument('--seconds', type=float)
    args = parser.parse_args()
    folder = args.folder
    if folder is None:
        runs = [os.path.join('target/gatling', name) for name in os.listdir('target/gatling')
                if os.path.isdir(os.path.join('target/gatling', name))]
        folder = max(runs, key=os.path.getmtime)
    stats = load(folder)
    print(f'{folder}')
    print(f"{'request':<40} {'count':>7} {'req/s':>7} {'p50':>6} {'p75':>6} {'p95':>6} {'p99':>6} {'max':>6} {'KO':>5}")
    for s in rows(stats):
        count = int(s['numberOfRequests']['total'])
        rate = count / args.seconds if args.seconds else float(s['meanNumberOfRequestsPerSecond']['total'])
        p = [s[f'percentiles{i}']['total'] for i in range(1, 5)]
        print(f"{s['name']:<40} {count:>7} {rate:>7.1f} {p[0]:>6} {p[1]:>6} {p[2]:>6} {p[3]:>6} "
              f"{s['maxResponseTime']['total']:>6} {s['numberOfRequests']['ko']:>5}")


if __name__ == '__main__':
    main()
