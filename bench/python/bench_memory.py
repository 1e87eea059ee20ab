"""Peak RSS while iterating every subuser of a large account (ours, Python), for two sizes, and
the footprint numbers: wheel size, cold `import sendgrid_admin` time.

    python bench/python/bench_memory.py
"""

from __future__ import annotations

import pathlib
import subprocess
import sys
import time

from common import KEY, ROOT, Sandbox, env_int, table

SIZES = [env_int("BENCH_PAGING_SMALL", 10_000), env_int("BENCH_PAGING_N", 100_000)]

CHILD = """
import resource, sys, sendgrid_admin as sg
c = sg.Client("%s", base_url=sys.argv[1])
n = sum(1 for _ in c.subusers.iter_all(page_size=500))
print(n, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
""" % KEY


def peak_rss(url: str) -> tuple[int, int]:
    out = subprocess.run([sys.executable, "-c", CHILD, url], capture_output=True, text=True, check=True).stdout.split()
    return int(out[0]), int(out[1])


def main() -> None:
    rows = []
    for n in SIZES:
        sb = Sandbox("--seed-subusers", str(n))
        try:
            count, kb = peak_rss(sb.url)
            rows.append(["ours Python Client.subusers.iter_all", n, count, f"{kb / 1024:.1f}"])
        finally:
            sb.close()
    print("### Python: peak RSS while iterating every subuser\n")
    print(table(["client", "seeded", "iterated", "peak RSS (MiB)"], rows))

    wheels = sorted((ROOT / "target" / "wheels").glob("sendgrid_admin-*.whl"))
    times = []
    for _ in range(5):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import sendgrid_admin"], check=True)
        times.append(time.perf_counter() - t)
    base = []
    for _ in range(5):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        base.append(time.perf_counter() - t)
    wheel = f"{wheels[-1].stat().st_size / 1e6:.2f} MB" if wheels else "not built (run bench/run)"
    print("\n### Python footprint\n")
    print(table(["what", "value"], [
        ["release wheel size", wheel],
        ["cold `import sendgrid_admin` (best of 5, minus bare interpreter start)", f"{(min(times) - min(base)) * 1000:.1f} ms"],
    ]))


if __name__ == "__main__":
    main()
