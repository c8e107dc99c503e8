#!/usr/bin/env python3
"""CPU per request of a running portal (issue 13): the portal JVM's and PostgreSQL's, per page.

  scripts/cpu-per-request.py PID admin|staff|member N PAGE [PAGE ...]

Signs in four clients (as `admin` with $PORTAL_ADMIN_PASSWORD, or as the first four load staff
accounts of $LOAD_DATA/staff.csv (two district, two grassroots scopes), or as the first four load
members of $LOAD_DATA/members.csv; default target/load-data), requests each page 50 times per client to warm
it, then N times in all, and prints the CPU time the portal's JVM (PID) and all PostgreSQL
processes of this machine used per request (from /proc, user + system), and the rate at 4 clients.
Less sensitive to the machine's noise than requests per second under 32 users: use it for A/B runs.

With PG_STATEMENTS=<database> (pg_stat_statements loaded, `pg_stat_statements.track = top` and
`track_planning = on`), it also prints PostgreSQL's own time per request from pg_stat_statements:
statements, planning and execution, which background work (autovacuum, the statistics refresh) does
not blur; the time is that of the measured requests plus anything else that ran meanwhile.
"""
import sys, os, re, threading, http.client, urllib.parse, time, glob, subprocess
pid, who, n = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
pages = sys.argv[4:]
HZ = os.sysconf('SC_CLK_TCK')
def ticks(p):
    try:
        f = open(f'/proc/{p}/stat').read().rsplit(')', 1)[1].split()
        return int(f[11]) + int(f[12])
    except Exception:
        return 0
PGSS = os.environ.get('PG_STATEMENTS')
def pgss(sql):
    return subprocess.run(['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', PGSS, '-qAtc', sql],
                          check=True, capture_output=True, text=True).stdout.strip()
def pg_ticks():
    total = 0
    for d in glob.glob('/proc/[0-9]*'):
        try:
            if open(d + '/comm').read().startswith('postgres'):
                total += ticks(int(d[6:]))
        except Exception:
            pass
    return total
class Client:
    def __init__(self):
        self.c = http.client.HTTPConnection(os.environ.get('PORTAL_HOST', '127.0.0.1'), int(os.environ.get('PORTAL_PORT', '8080')))
        self.cookie = ''
    def req(self, method, path, body=None):
        h = {'Cookie': self.cookie, 'Accept-Language': 'zh-CN'}
        if body is not None:
            h['Content-Type'] = 'application/x-www-form-urlencoded'
        self.c.request(method, path, body=body, headers=h)
        r = self.c.getresponse(); data = r.read()
        for k, v in r.getheaders():
            if k.lower() == 'set-cookie':
                self.cookie = v.split(';')[0]
        return r.status, data.decode('utf-8', 'replace'), r.getheader('Location')
    def sign_in(self, user, pw):
        s, body, _ = self.req('GET', '/login')
        csrf = re.search(r'name="_csrf" value="([^"]+)"', body).group(1)
        s, _, loc = self.req('POST', '/login', urllib.parse.urlencode({'_csrf': csrf, 'username': user, 'password': pw}))
        assert s == 302 and 'error' not in (loc or ''), (s, loc)
if who == 'admin':
    creds = [('admin', os.environ.get('PORTAL_ADMIN_PASSWORD', 'load-admin-2026'))] * 4
else:
    feeder = 'staff.csv' if who == 'staff' else 'members.csv'
    rows = open(os.path.join(os.environ.get('LOAD_DATA', 'target/load-data'), feeder)).read().split('\n')[1:5]
    creds = [tuple(r.split(',')[:2]) for r in rows]
clients = []
for u, p in creds:
    c = Client(); c.sign_in(u, p); clients.append(c)
for page in pages:
    def run(c, k):
        for _ in range(k):
            s, _, _ = c.req('GET', page)
            assert s == 200, (page, s)
    ts = [threading.Thread(target=run, args=(c, 50)) for c in clients]; [t.start() for t in ts]; [t.join() for t in ts]  # warm
    if PGSS:
        pgss('SELECT pg_stat_statements_reset()')
    j0, p0, t0 = ticks(pid), pg_ticks(), time.time()
    ts = [threading.Thread(target=run, args=(c, n // 4)) for c in clients]; [t.start() for t in ts]; [t.join() for t in ts]
    j1, p1, t1 = ticks(pid), pg_ticks(), time.time()
    line = f'{page:40s} JVM {1000*(j1-j0)/HZ/n:6.2f} ms  PG {1000*(p1-p0)/HZ/n:5.2f} ms  per request  ({n/(t1-t0):6.1f} req/s at 4 clients)'
    if PGSS:
        calls, plan, execute = pgss('SELECT sum(calls), sum(total_plan_time), sum(total_exec_time) FROM pg_stat_statements').split('|')
        line += f'  statements {int(calls)/n:5.1f}, planning {float(plan)/n:5.2f} ms, execution {float(execute)/n:5.2f} ms'
    print(line)
