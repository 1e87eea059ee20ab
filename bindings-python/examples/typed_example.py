"""A runnable example that also passes `mypy --strict`.

    python examples/typed_example.py http://127.0.0.1:4010 SG.sandbox-key
"""

from __future__ import annotations

import asyncio
import sys

import sendgrid_admin as sg


def sync_part(client: sg.Client) -> list[str]:
    client.subusers.create("example-co", "ops@example.com", "a long password", ["192.0.2.10"])
    monitor: sg.Monitor = client.monitor.create("example-co", "audit@example.com", 1000)
    assert monitor.frequency == 1000
    names: list[str] = [s.username for s in client.subusers.iter_all(page_size=50)]
    scoped = client.on_behalf_of("example-co")
    scopes: list[str] = scoped.scopes.list()
    try:
        client.monitor.update("example-co", "audit@example.com", 0)
    except sg.InvalidInputError as e:
        field: str | None = e.field
        print("refused before sending:", field)
    results = client.bulk.set_disabled(names, False, concurrency=4)
    print(sum(1 for r in results if r.ok), "enabled;", len(scopes), "scopes for example-co")
    return names


async def async_part(client: sg.AsyncClient) -> int:
    teammates: list[sg.Teammate] = await client.teammates.list(limit=10)
    count = 0
    async for s in client.subusers.iter_all():
        count += 1 if not s.disabled else 0
    await client.subusers.delete("example-co")
    return count + len(teammates)


def main() -> None:
    base_url, key = sys.argv[1], sys.argv[2]
    names = sync_part(sg.Client(key, base_url=base_url))
    total = asyncio.run(async_part(sg.AsyncClient(key, base_url=base_url)))
    print(len(names), "subusers;", total, "enabled subusers + teammates")


if __name__ == "__main__":
    main()
