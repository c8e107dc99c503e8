#!/usr/bin/env python3
"""Where the CPU goes, from a JFR recording (issue 13; docs/benchmarks.md, "Load test").

  scripts/jfr-profile.py RECORDING.jfr [--thread NAME] [--top N] [--focus METHOD ...]

Reads the jdk.ExecutionSample events (`jfr print --json`, the JDK's own tool) and prints the methods
that were on CPU (self) and the methods the samples passed through (inclusive), as shares of the
samples. --thread keeps samples of threads whose name contains NAME ("main" for start-up), --focus
keeps samples whose stack contains one of the given methods (substring, e.g. TemplateEngine.process).
Record a running portal with
  jcmd <pid> JFR.start name=load settings=profile duration=60s filename=/tmp/load.jfr
"""
import argparse
import collections
import json
import subprocess

PREFIXES = ('cn.unionportal', 'org.springframework', 'org.hibernate', 'org.thymeleaf', 'org.h2', 'org.flywaydb',
            'com.zaxxer', 'org.postgresql', 'org.apache.catalina', 'org.apache.tomcat', 'java.lang.ClassLoader')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('recording')
    parser.add_argument('--thread', default='')
    parser.add_argument('--top', type=int, default=40)
    parser.add_argument('--focus', nargs='*', default=[])
    args = parser.parse_args()
    printed = subprocess.run(['jfr', 'print', '--json', '--stack-depth', '200', '--events', 'jdk.ExecutionSample',
                              args.recording], capture_output=True, text=True, check=True).stdout
    events = json.loads(printed)['recording']['events']
    own = collections.Counter()
    through = collections.Counter()
    samples = 0
    for event in events:
        values = event['values']
        thread = values.get('sampledThread') or {}
        if args.thread not in (thread.get('javaName') or thread.get('osName') or ''):
            continue
        frames = (values.get('stackTrace') or {}).get('frames', [])
        names = [f"{frame['method']['type']['name'].replace('/', '.')}.{frame['method']['name']}" for frame in frames]
        if args.focus and not any(wanted in name for wanted in args.focus for name in names):
            continue
        samples += 1
        if names:
            own[names[0]] += 1
        for name in set(names):
            if '$$Lambda' not in name:
                through[name] += 1
    print(f'{samples} samples')
    if not samples:
        return
    print('--- on CPU (self)')
    for name, count in own.most_common(args.top):
        print(f'{count:6d} {100 * count / samples:5.1f}% {name}')
    print('--- inclusive (portal, Spring, Hibernate, Thymeleaf, JDBC, Tomcat)')
    shown = 0
    for name, count in through.most_common():
        if name.startswith(PREFIXES):
            print(f'{count:6d} {100 * count / samples:5.1f}% {name}')
            shown += 1
            if shown >= 2 * args.top:
                break


if __name__ == '__main__':
    main()
