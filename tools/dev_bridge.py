"""Carry TCP connections between two network namespaces through a Unix socket.

The development instance runs in a network namespace of its own, so that its zeroconf and
anything else it does stay inside. A Unix socket lives in the file system, which both
namespaces share:

    python -m tools.dev_bridge tcp-to-unix 127.0.0.1:8123 config/.http.sock   # outside
    python -m tools.dev_bridge unix-to-tcp config/.http.sock 127.0.0.1:8123   # inside
"""

import asyncio
from collections.abc import Awaitable, Callable
import contextlib
from pathlib import Path
import sys

type Opener = Callable[[], Awaitable[tuple[asyncio.StreamReader, asyncio.StreamWriter]]]


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    with contextlib.suppress(ConnectionError):
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    writer.close()


def _forwarder(
    open_peer: Opener,
) -> Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]:
    async def _serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            peer_reader, peer_writer = await open_peer()
        except OSError:
            writer.close()
            return
        await asyncio.gather(_pipe(reader, peer_writer), _pipe(peer_reader, writer))

    return _serve


async def _run(mode: str, source: str, target: str) -> None:
    if mode == "tcp-to-unix":
        host, port = source.rsplit(":", 1)
        server = await asyncio.start_server(
            _forwarder(lambda: asyncio.open_unix_connection(target)), host, int(port)
        )
    else:
        host, port = target.rsplit(":", 1)
        server = await asyncio.start_unix_server(
            _forwarder(lambda: asyncio.open_connection(host, int(port))), source
        )
    async with server:
        await server.serve_forever()


def main() -> None:
    """Bridge until interrupted."""
    mode, source, target = sys.argv[1:4]
    if mode == "unix-to-tcp":
        Path(source).unlink(missing_ok=True)  # left by an instance that was killed
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_run(mode, source, target))


if __name__ == "__main__":
    main()
