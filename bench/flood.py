"""Open-loop log-in flood for bench/run.sh: RATE log-ins a second for SECONDS, each on its own
connection, started on schedule whether or not earlier ones were answered (as real arrivals are).
One process, so the load generator itself costs little CPU next to the server under test.

    python3 flood.py URL RATE SECONDS BODY CSRF_TOKEN ORIGIN OUT

Writes one line per attempt to OUT: "<status> <seconds>", status 000 for no answer in 10 s.
"""
import asyncio
import sys
import time
from urllib.parse import urlsplit

TIMEOUT_SECONDS = 10


async def attempt(host, port, request, results):
    started = time.monotonic()
    status = "000"
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), TIMEOUT_SECONDS)
        try:
            writer.write(request)
            await writer.drain()
            line = await asyncio.wait_for(reader.readline(), TIMEOUT_SECONDS - (time.monotonic() - started))
            parts = line.split()
            if len(parts) >= 2 and parts[1].isdigit():
                status = parts[1].decode()
            await asyncio.wait_for(reader.read(), 2)
        finally:
            writer.close()
    except (OSError, asyncio.TimeoutError):
        pass
    results.append(f"{status} {time.monotonic() - started:.4f}")


async def main(url, rate, seconds, body, token, origin, out):
    target = urlsplit(url)
    payload = body.encode()
    request = (
        f"POST {target.path} HTTP/1.1\r\nHost: {target.netloc}\r\nContent-Type: application/json\r\n"
        f"Accept: application/json\r\nCookie: XSRF-TOKEN={token}\r\nX-XSRF-TOKEN: {token}\r\n"
        f"Origin: {origin}\r\nContent-Length: {len(payload)}\r\nConnection: close\r\n\r\n"
    ).encode() + payload
    results, tasks = [], []
    start = time.monotonic()
    for i in range(int(rate * seconds)):
        delay = start + i / rate - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(attempt(target.hostname, target.port, request, results)))
    await asyncio.gather(*tasks)
    with open(out, "w") as f:
        f.write("\n".join(results) + "\n")


if __name__ == "__main__":
    url, rate, seconds, body, token, origin, out = sys.argv[1:8]
    asyncio.run(main(url, float(rate), float(seconds), body, token, origin, out))
