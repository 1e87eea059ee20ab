"""Soak: BENCH_SOAK_N (default 1,000,000) plain calls through the Python binding against the
sandbox (sync Client on 16 threads, then AsyncClient with 16 in flight), sampling RSS and the
thread count every tenth of the run. Flat = no leak.

    python bench/python/soak.py
"""

from __future__ import annotations

import asyncio
import threading
import time

import sendgrid_admin as sg
from common import KEY, Sandbox, env_int, table

N = env_int("BENCH_SOAK_N", 1_000_000)
CONC = 16


def sample() -> tuple[float, int]:
    rss = threads = 0
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
            elif line.startswith("Threads:"):
                threads = int(line.split()[1])
    return rss / 1024, threads


def soak_sync(url: str) -> list[tuple[int, float, int]]:
    c = sg.Client(KEY, base_url=url)
    samples: list[tuple[int, float, int]] = []
    done = 0
    lock = threading.Lock()
    step = max(N // 10, 1)

    def worker(k: int) -> None:
        nonlocal done
        for _ in range(k):
            c.monitor.get("sub00001")
            with lock:
                done += 1
                if done % step == 0:
                    samples.append((done, *sample()))

    per = N // CONC
    ts = [threading.Thread(target=worker, args=(per,)) for _ in range(CONC)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return samples


async def soak_async(url: str) -> list[tuple[int, float, int]]:
    c = sg.AsyncClient(KEY, base_url=url)
    samples: list[tuple[int, float, int]] = []
    step = max(N // 10, 1)
    done = 0

    async def worker(k: int) -> None:
        nonlocal done
        for _ in range(k):
            await c.monitor.get("sub00001")
            done += 1
            if done % step == 0:
                samples.append((done, *sample()))

    await asyncio.gather(*(worker(N // CONC) for _ in range(CONC)))
    return samples


def main() -> None:
    sb = Sandbox("--seed-subusers", "1")
    try:
        sb.control("faults", {"sequence": []})
        sg.Client(KEY, base_url=sb.url).monitor.create("sub00001", "a@example.com", 5)
        rows = []
        for name, run in [("sync Client, 16 threads", lambda: soak_sync(sb.url)),
                          ("AsyncClient, 16 in flight", lambda: asyncio.run(soak_async(sb.url)))]:
            t = time.perf_counter()
            samples = run()
            secs = time.perf_counter() - t
            first, last = samples[0], samples[-1]
            peak = max(s[1] for s in samples)
            rows.append([name, f"{last[0]:,}", f"{secs:.0f}", f"{first[1]:.1f}", f"{last[1]:.1f}", f"{peak:.1f}",
                         f"{first[2]} → {last[2]}"])
    finally:
        sb.close()
    print(f"### Python soak: {N:,} calls of monitor.get per client form\n")
    print(table(["client", "calls", "seconds", "RSS at 10% (MiB)", "RSS at end (MiB)", "RSS peak (MiB)", "threads 10% → end"], rows))


if __name__ == "__main__":
    main()
