#!/usr/bin/env python3
"""Runs a command and prints its wall time, its CPU time (user+sys) and peak memory, and the same CPU counted with every
process it started, the embedded PostgreSQL server included: the server daemonises away from wlz, so this process makes
itself the "subreaper" that the server's processes are handed to, and waits for all of them before it counts.

    cputime.py LABEL COMMAND [ARGS...]
"""
import ctypes, os, resource, subprocess, sys, time

PR_SET_CHILD_SUBREAPER = 36
label, command = sys.argv[1], sys.argv[2:]
ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
load = os.getloadavg()
start = time.monotonic()
child = subprocess.Popen(command)
_, status, own = os.wait4(child.pid, 0)
wall = time.monotonic() - start
while True:  # the server's processes, handed to us when wlz stopped it
    try:
        os.wait()
    except ChildProcessError:
        break
everything = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"  {label}: wall {wall:.2f} s, wlz CPU {own.ru_utime + own.ru_stime:.2f} s (user {own.ru_utime:.2f}, sys {own.ru_stime:.2f}), "
      f"with the server {everything.ru_utime + everything.ru_stime:.2f} s, wlz peak memory {own.ru_maxrss // 1024} MiB, "
      f"load average at start {load[0]:.1f}", file=sys.stderr, flush=True)
sys.exit(os.waitstatus_to_exitcode(status))
