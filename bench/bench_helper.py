#!/usr/bin/python3
"""Helpers for bench/run.sh (standard library only).

Sub-commands (all waits are bounded; every network call is on 127.0.0.1):
  freeport [COUNT]                     print COUNT free loopback TCP ports
  waitlisten LOG PORT PID TIMEOUT      wait for "SendGuard: listening on" in LOG or PORT accepting
  sinkcount LOG                        print the smtp-sink -c message counter
  waitcount LOG TARGET START TIMEOUT STALL [PID]
                                       wait until the sink counter reaches TARGET; print seconds
                                       since START (epoch seconds, e.g. bash $EPOCHREALTIME);
                                       give up early if PID (the relay) exits
  genmsg FILE BYTES                    write a CRLF text message of about BYTES bytes
  send HOST PORT FILE FROM TO TIMEOUT  send FILE with a raw-socket SMTP client; print seconds
  auditcount FILE EVENT                count audit.jsonl lines with that event
  queuesummary                         read `queue list --json` on stdin, print state counts
  now                                  print the current time (epoch seconds)
"""
import json
import os
import socket
import sys
import time

LISTEN_MARK = b"SendGuard: listening on"


def die(msg, code=1):
    sys.stderr.write("bench_helper: " + msg + "\n")
    sys.exit(code)


def freeport(count=1):
    socks, ports = [], []
    for _ in range(count):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.bind(("127.0.0.1", 0))
        socks.append(s)
        ports.append(s.getsockname()[1])
    for s in socks:
        s.close()
    print(" ".join(str(p) for p in ports))


def port_accepts(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def pid_alive(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            state = f.read().rsplit(")", 1)[1].split()[0]
        return state not in ("Z", "X")
    except (OSError, IndexError):
        return False


def waitlisten(log, port, pid, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with open(log, "rb") as f:
                if LISTEN_MARK in f.read():
                    print("stderr-line")
                    return 0
        except OSError:
            pass
        if not pid_alive(pid):
            print("exited")
            return 2
        if port_accepts(port):
            print("port-accepts")
            return 0
        time.sleep(0.05)
    print("timeout")
    return 1


def sinkcount(log):
    """smtp-sink -c writes 'sess=N quit=N mesg=N' records separated by CR."""
    try:
        with open(log, "rb") as f:
            f.seek(0, os.SEEK_END)
            size = f.tell()
            f.seek(max(0, size - 4096))
            tail = f.read()
    except OSError:
        return 0
    for rec in reversed(tail.replace(b"\n", b"\r").split(b"\r")):
        for field in rec.split():
            if field.startswith(b"mesg="):
                try:
                    return int(field[5:])
                except ValueError:
                    pass
    return 0


def waitcount(log, target, start, timeout, stall, pid=0):
    deadline = time.monotonic() + timeout
    last, last_change = -1, time.monotonic()
    while True:
        n = sinkcount(log)
        now = time.monotonic()
        if n >= target:
            print("%.3f" % (time.time() - start))
            return 0
        if n != last:
            last, last_change = n, now
        if now > deadline:
            print("timeout count=%d target=%d" % (n, target))
            return 1
        if pid and not pid_alive(pid):
            time.sleep(0.5)
            if sinkcount(log) < target:
                print("process %d exited; count=%d target=%d" % (pid, sinkcount(log), target))
                return 1
            continue
        if now - last_change > stall:
            print("stalled count=%d target=%d (no progress for %ds)" % (n, target, stall))
            return 1
        time.sleep(0.02)


def genmsg(path, size):
    header = (
        "From: Bench Sender <a@example.com>\r\n"
        "To: Bench Recipient <b@example.net>\r\n"
        "Subject: SendGuard memory benchmark (large message)\r\n"
        "Date: Thu, 01 Jan 2026 00:00:00 +0000\r\n"
        "Message-ID: <bench-large-%d@example.com>\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=us-ascii\r\n"
        "\r\n" % os.getpid()
    ).encode()
    words = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod "
             "tempor incididunt ut labore et dolore magna aliqua").split()
    lines = []
    for i in range(997):  # a block of varied 78-character lines (never starting with '.')
        text = " ".join(words[(i + k) % len(words)] for k in range(20))
        lines.append(("%05d " % i + text)[:76].ljust(76, "x") + "\r\n")
    block = "".join(lines).encode()
    with open(path, "wb") as f:
        f.write(header)
        left = size - len(header)
        while left >= len(block) + 80:
            f.write(block)
            left -= len(block)
        while left >= 78 + 80:
            f.write(lines[0].encode())
            left -= 78
        # last line(s) make the file exactly `size` bytes (for size >= header + 80)
        last = b"end of message"
        if left > 78:
            f.write(b"x" * (left - 80) + b"\r\n")
            left = 78
        f.write((last + b" " * max(0, left - 2 - len(last)))[: max(0, left - 2)] + b"\r\n")
    print(os.path.getsize(path))
    return 0


class SmtpError(Exception):
    pass


def read_reply(sock_file):
    lines = []
    while True:
        line = sock_file.readline(4096)
        if not line:
            raise SmtpError("connection closed by server after %r" % lines)
        lines.append(line.decode("latin-1").rstrip("\r\n"))
        if len(line) < 4 or line[3:4] != b"-":
            break
    code = int(lines[-1][:3]) if lines[-1][:3].isdigit() else 0
    return code, lines


def send(host, port, path, mail_from, rcpt, timeout):
    """Plain SMTP (no AUTH, no TLS); the file must already be CRLF and need no
    dot-stuffing (genmsg guarantees that; checked here line by line)."""
    size = os.path.getsize(path)
    t0 = time.time()
    sock = socket.create_connection((host, port), timeout=timeout)
    sock.settimeout(timeout)
    sf = sock.makefile("rb")

    def cmd(line, expect):
        if line is not None:
            sock.sendall(line.encode() + b"\r\n")
        code, lines = read_reply(sf)
        if code not in expect:
            raise SmtpError("%s -> %s" % (line or "greeting", " | ".join(lines)))
        return lines

    try:
        cmd(None, (220,))
        ehlo = cmd("EHLO bench.example.com", (250,))
        has_size = any(l[4:].upper().startswith("SIZE") for l in ehlo)
        cmd("MAIL FROM:<%s>%s" % (mail_from, " SIZE=%d" % size if has_size else ""), (250,))
        cmd("RCPT TO:<%s>" % rcpt, (250, 251))
        cmd("DATA", (354,))
        chunk = 1 << 20
        with open(path, "rb") as f:
            prev_end = b"\n"
            while True:
                buf = f.read(chunk)
                if not buf:
                    break
                if (prev_end == b"\n" and buf[:1] == b".") or b"\n." in buf:
                    raise SmtpError("message needs dot-stuffing; regenerate it with genmsg")
                sock.sendall(buf)
                prev_end = buf[-1:]
        sock.sendall((b"" if prev_end == b"\n" else b"\r\n") + b".\r\n")
        final = cmd(None, (250,))
        t1 = time.time()
        try:
            cmd("QUIT", (221,))
        except (SmtpError, OSError):
            pass
    except (SmtpError, OSError) as e:
        print("error: %s" % e)
        return 1
    finally:
        sock.close()
    print("%.3f %s" % (t1 - t0, final[-1]))
    return 0


def auditcount(path, event):
    n = 0
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                line = line.strip()
                if not line:
                    continue
                try:
                    if json.loads(line).get("event") == event:
                        n += 1
                except ValueError:
                    pass
    except OSError:
        pass
    print(n)
    return 0


def queuesummary():
    raw = sys.stdin.read()
    try:
        data = json.loads(raw)
    except ValueError as e:
        print("invalid JSON (%s): %r" % (e, raw[:200]))
        return 1
    if not isinstance(data, list):
        print("not a JSON array: %r" % raw[:200])
        return 1
    counts = {}
    for entry in data:
        st = entry.get("state", "?") if isinstance(entry, dict) else "?"
        counts[st] = counts.get(st, 0) + 1
    print("entries=%d %s" % (len(data), " ".join("%s=%d" % kv for kv in sorted(counts.items()))))
    return 0


def main(argv):
    if len(argv) < 2:
        die(__doc__, 2)
    c, a = argv[1], argv[2:]
    if c == "freeport":
        freeport(int(a[0]) if a else 1)
        return 0
    if c == "waitlisten":
        return waitlisten(a[0], int(a[1]), int(a[2]), float(a[3]))
    if c == "sinkcount":
        print(sinkcount(a[0]))
        return 0
    if c == "waitcount":
        return waitcount(a[0], int(a[1]), float(a[2]), float(a[3]), float(a[4]),
                         int(a[5]) if len(a) > 5 else 0)
    if c == "genmsg":
        return genmsg(a[0], int(a[1]))
    if c == "send":
        return send(a[0], int(a[1]), a[2], a[3], a[4], float(a[5]))
    if c == "auditcount":
        return auditcount(a[0], a[1])
    if c == "queuesummary":
        return queuesummary()
    if c == "now":
        print("%.6f" % time.time())
        return 0
    die("unknown sub-command " + c, 2)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
