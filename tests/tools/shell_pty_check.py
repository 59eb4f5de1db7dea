#!/usr/bin/python3
"""Drives `alliancedb shell` through a pseudo-terminal, as a person at a keyboard.

Usage: shell_pty_check.py ALLIANCEDB HOME DATA_DIR HISTORY

Checks, in one session on the bundled data (the default database under HOME):
  - Tab completes a label after ':' (Organ -> Organisation), a procedure name
    (algo.pageR -> algo.pageRank) and a keyword typed in lower case (mat -> MATCH);
  - a statement typed over two lines runs after the continuation prompt;
  - Korean typed at the prompt reaches the statement intact;
  - Ctrl-C during a long statement cancels it and the prompt comes back;
  - Ctrl-C at the continuation prompt drops the unfinished statement;
  - a syntax error is reported with a caret and the next statement runs;
  - Ctrl-D leaves with status 0 and the history file holds the statements.
Exits 1 with the transcript on the first failed check.
"""
import os
import pty
import select
import signal
import sys
import termios
import time

binary, home, data_dir, history = sys.argv[1:5]
PROMPT = b"alliancedb> "
transcript = b""

pid, fd = pty.fork()
if pid == 0:
    os.environ.update(ALLIANCEDB_HOME=home, ALLIANCEDB_DATA_DIR=data_dir,
                      ALLIANCEDB_HISTORY=history, TERM="xterm")
    os.execv(binary, [binary, "shell"])


def fail(message):
    # The shell must not outlive a failed check: a statement Ctrl-C missed would run on.
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass
    print(f"FAIL: {message}\n--- transcript ---\n{transcript.decode(errors='replace')}")
    sys.exit(1)


# Whatever hangs (the shell, a read, the wait for its exit), the check ends.
signal.signal(signal.SIGALRM, lambda *_: fail("the session did not finish within 300 s"))
signal.alarm(300)


def expect(token, timeout=30):
    """Reads until `token` (bytes) has appeared since the last expect."""
    global transcript
    seen = b""
    end = time.time() + timeout
    while time.time() < end:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        seen += chunk
        transcript += chunk
        if token in seen:
            return seen
    fail(f"waited {timeout} s for {token!r}")


def send(data, timeout=10):
    """Types `data` once the line editor reads keys one by one. Keys that arrive while
    the terminal is still in line mode (between the prompt being drawn and the editor
    switching modes) are taken by the kernel's line discipline: echoed twice, and a
    Ctrl-D there is no end of input. A person never types that fast; a script does."""
    end = time.time() + timeout
    while termios.tcgetattr(fd)[3] & termios.ICANON:
        if time.time() > end:
            fail(f"the line editor did not take the terminal within {timeout} s")
        time.sleep(0.01)
    os.write(fd, data)


def interrupt():
    """Ctrl-C while a statement runs (the terminal is in line mode then)."""
    os.write(fd, b"\x03")


expect(PROMPT, timeout=60)  # the first run builds the default database

send(b"MATCH (o:Organ\t")
expect(b"isation")
send(b") RETURN count(o) AS organisations;\r")
out = expect(PROMPT)
if b"41" not in out:
    fail("counting organisations did not print 41")

send(b"CALL algo.pageR\t")
expect(b"ank")
send(b"\x15")  # Ctrl-U: clear the line
send(b"mat\t")
expect(b"MATCH")
send(b"\x15")

send(b"MATCH (c:Consortium {name: 'KT Consortium'})\r")
expect(b"...> ")
send(b"RETURN c.name_ko AS ko;\r")
out = expect(PROMPT)
if "KT 컨소시엄".encode() not in out:
    fail("the two-line statement did not run")

send("RETURN '카이스트 KAIST' AS typed;\r".encode())
out = expect(PROMPT)
if "카이스트 KAIST".encode() not in out:
    fail("Korean text typed at the prompt did not come back intact")

send(b"UNWIND range(1, 5000000) AS x UNWIND range(1, 1000) AS y RETURN count(*);\r")
time.sleep(1.5)
interrupt()
out = expect(PROMPT, timeout=20)
if b"cancelled" not in out:
    fail("Ctrl-C did not cancel the running statement")

send(b"MATCH (n)\r")
expect(b"...> ")
send(b"\x03")
expect(PROMPT)
send(b"RETURN 42 AS answer;\r")
out = expect(PROMPT)
if b"42" not in out or b"SyntaxError" in out:
    fail("the statement after Ctrl-C at the continuation prompt did not run alone")

send(b"MATCH (n:Nope RETURN n;\r")
out = expect(PROMPT)
if b"SyntaxError" not in out or b"^" not in out:
    fail("no syntax error with a caret")
send(b"RETURN 'recovered' AS state;\r")
out = expect(PROMPT)
if b"recovered" not in out:
    fail("the shell did not recover from the error")

send(b"\x04")
deadline = time.time() + 30
while True:
    done, status = os.waitpid(pid, os.WNOHANG)
    if done:
        break
    if time.time() > deadline:
        fail("Ctrl-D did not end the shell within 30 s")
    if select.select([fd], [], [], 0.1)[0]:
        try:
            transcript += os.read(fd, 4096)
        except OSError:
            pass
if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
    fail(f"Ctrl-D: exit status {status}")
with open(history, encoding="utf-8", errors="replace") as f:
    saved = f.read()
for needle in ("RETURN\\04042\\040AS\\040answer;", "recovered"):
    if needle not in saved:
        fail(f"history lacks {needle!r}: {saved!r}")
print("ok: completion, multi-line, Ctrl-C, error recovery, history")
